/**
 * Thai line breaking that never splits a name. Thai has no spaces between words: the browser breaks
 * lines where its ICU dictionary sees a word boundary, and a name or loanword the dictionary does
 * not know (เมียนมา, ปูติน, แพคเกจ) comes out as short pieces it may break between ("เมีย / นมา").
 *
 * Each story brings its own lexicon, found at build time in its own text: runs of short pieces the
 * segmenter splits but that recur together (the rarest piece of the run occurs mostly inside it), the
 * names that follow a title (นาย, นางสาว, พลเอก, ดร. … : a name need not recur to be a name), plus
 * its Thai tags. A name a story uses only once, with no title (เครือข่าย, แพคเกจ), leaves no such
 * trace in that story; the site's word list (content/words.txt, word-list.ts) supplies it: the words that the
 * stories' own lexicons found in two stories or more, learned by `npm run words` and kept by editors.
 * A story's lexicon depends on nothing but that story and the word list, so a new story changes no
 * other story's page. Words of the lexicon are then kept whole on a line (a no-wrap span, no
 * JavaScript), and the repeat mark ๆ is tied to the word before it.
 */
/** The longest word kept whole, in characters: a 30 px headline on a 390 px phone still fits it. */
export const MAX_WORD_LENGTH = 16;
/** Pieces this short or shorter are what the segmenter leaves of a word it does not know. */
const SHORT_PIECE = 5;
const MAX_PIECES = 4;
/** A run is a word when it occurs at least twice and holds this share of its rarest piece's occurrences. */
const MIN_RUN_COUNT = 2;
const MIN_COHESION = 0.6;

/** Thai letters, vowels and tone marks: not digits, not ๆ, not the signs ๏ ๚ ๛. */
export const THAI_LETTERS = /^[\u0E47-\u0E4E\u0E01-\u0E3A\u0E40-\u0E45]+$/;

let segmenter: Intl.Segmenter | undefined;
function segment(text: string): string[] {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** Runs of Thai letters (between spaces, digits, Latin…), each cut into the segmenter's pieces. */
function runsOf(text: string): { run: string; pieces: { text: string; start: number }[] }[] {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const runs: { run: string; pieces: { text: string; start: number }[] }[] = [];
  let current: { run: string; pieces: { text: string; start: number }[] } = { run: '', pieces: [] };
  // One pass of the segmenter over the whole text: segmenting each run on its own was slower.
  for (const { segment: piece } of segmenter.segment(text.normalize('NFC'))) {
    if (THAI_LETTERS.test(piece)) {
      current.pieces.push({ text: piece, start: current.run.length });
      current.run += piece;
    } else if (current.pieces.length > 0) {
      runs.push(current);
      current = { run: '', pieces: [] };
    }
  }
  if (current.pieces.length > 0) runs.push(current);
  return runs;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** What cannot start a word: vowels and marks that follow their consonant (ะ า ำ ๅ, marks above and below). */
const NOT_FIRST = /[\u0E47-\u0E4E\u0E30-\u0E3A\u0E45]/;
/** What cannot end a word: vowels written before their consonant (เ แ โ ใ ไ). */
const NOT_LAST = /[\u0E40-\u0E44]/;

/** The text all the `ends` share after their start: a cut there must not take a consonant from its marks. */
function sharedAfter(run: readonly string[], ends: readonly { run: number; at: number }[]): string {
  const first = run[ends[0]!.run]!;
  const from = ends[0]!.at;
  let n = 0;
  while (n < MAX_WORD_LENGTH && ends.every((e) => e.at + n < run[e.run]!.length && run[e.run]![e.at + n] === first[from + n])) n += 1;
  while (n > 0 && ends.some((e) => NOT_FIRST.test(run[e.run]![e.at + n] ?? '') || NOT_LAST.test(run[e.run]![e.at + n - 1]!))) n -= 1;
  return first.slice(from, from + n);
}

/** The text all the `starts` share before them, cut the same way. */
function sharedBefore(run: readonly string[], starts: readonly { run: number; at: number }[]): string {
  const first = run[starts[0]!.run]!;
  const to = starts[0]!.at;
  let n = 0;
  while (n < MAX_WORD_LENGTH && starts.every((e) => e.at - n - 1 >= 0 && run[e.run]![e.at - n - 1] === first[to - n - 1])) n += 1;
  while (n > 0 && starts.some((e) => NOT_FIRST.test(run[e.run]![e.at - n]!))) n -= 1;
  return first.slice(to - n, to);
}

/**
 * The words of one story to keep whole: `texts` are its headline, dek and body text; `tags` its tags.
 * A run of 1–4 short pieces that recurs is a candidate; since the segmenter often glues the end of an
 * unknown word to the next word ("ปูติ|นข|อง", "ปูติ|นก|ล่าว"), the candidate takes in the text that
 * every one of its occurrences shares on either side. It is a word when the segmenter splits it, its
 * rarest piece occurs mostly inside it, and it is no longer than a phone line holds. Words of
 * `siteWords` (the site's word list) join it where they stand in the text as a run of the segmenter's
 * pieces. Sorted, so the same story always yields the same lexicon.
 */
export function buildLexicon(texts: readonly string[], tags: readonly string[] = [], siteWords: ReadonlySet<string> = NO_WORDS): string[] {
  const words = new Set<string>();
  const runs: string[] = [];
  const single = new Map<string, number>();
  /** Each recurring candidate: where its occurrences start and end (run index, offset). */
  const grams = new Map<string, { starts: { run: number; at: number }[]; ends: { run: number; at: number }[] }>();
  for (const text of texts) {
    for (const { run, pieces } of runsOf(text)) {
      const r = runs.push(run) - 1;
      for (const piece of pieces) count(single, piece.text);
      if (siteWords.size > 0) for (const word of siteWordsIn(pieces, siteWords)) words.add(word);
      for (let i = 0; i < pieces.length; i++) {
        let key = '';
        for (let n = 1; n <= MAX_PIECES && i + n <= pieces.length; n++) {
          const last = pieces[i + n - 1]!;
          if (last.text.length > SHORT_PIECE) break;
          key = n === 1 ? last.text : `${key}|${last.text}`;
          let gram = grams.get(key);
          if (!gram) grams.set(key, (gram = { starts: [], ends: [] }));
          gram.starts.push({ run: r, at: pieces[i]!.start });
          gram.ends.push({ run: r, at: last.start + last.text.length });
        }
      }
    }
  }
  for (const [key, { starts, ends }] of grams) {
    if (starts.length < MIN_RUN_COUNT) continue;
    const parts = key.split('|');
    const core = parts.join('');
    const word = sharedBefore(runs, starts) + core + sharedAfter(runs, ends);
    if (word === core && parts.length === 1) continue;
    if (word.length > MAX_WORD_LENGTH || NOT_FIRST.test(word[0]!) || segment(word).length < 2) continue;
    const rarest = Math.min(...parts.map((p) => single.get(p) ?? starts.length));
    if (starts.length / rarest >= MIN_COHESION) words.add(word);
  }
  for (const text of texts) {
    // Kept even when the segmenter keeps the name alone whole: beside its title it may cut it (นายภา|ดล).
    for (const name of titledNames(text)) if (name.length <= MAX_WORD_LENGTH) words.add(name);
  }
  for (const tag of tags) {
    const word = tag.normalize('NFC').trim();
    if (THAI_LETTERS.test(word) && word.length <= MAX_WORD_LENGTH && segment(word).length > 1) words.add(word);
  }
  return [...words].sort();
}

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * The site's words that stand in a run as whole pieces of the segmenter: looked up piece by piece
 * (a set lookup per run of pieces up to MAX_WORD_LENGTH). Searching the text for each word of the
 * list, measured on the corpus, was an order of magnitude slower and also found words inside longer
 * words, doubling the kept stretches.
 */
function* siteWordsIn(pieces: readonly { text: string }[], siteWords: ReadonlySet<string>): Generator<string> {
  for (let i = 0; i < pieces.length; i++) {
    let word = pieces[i]!.text;
    for (let k = i + 1; k < pieces.length; k++) {
      word += pieces[k]!.text;
      if (word.length > MAX_WORD_LENGTH) break;
      if (siteWords.has(word)) yield word;
    }
  }
}

/** A word is the site's when the own lexicons of this many stories found it. */
export const SITE_WORD_STORIES = 2;

/**
 * The site's word list learned from its stories (each its texts and tags): the words of their own
 * lexicons (built without a word list) that `SITE_WORD_STORIES` stories or more found, and whose
 * rarest piece, across all the stories, occurs mostly inside the word. A story's own lexicon also
 * takes phrases of words the segmenter knows (ซึ่ง|เป็น) when that story happens to repeat them;
 * across an archive their pieces are seen everywhere else, while a name's (เมีย|นมา) are not.
 * Sorted, so the same stories always yield the same list.
 */
export function learnSiteWords(stories: Iterable<{ texts: readonly string[]; tags?: readonly string[] }>): string[] {
  const found = new Map<string, number>();
  const texts: string[] = [];
  for (const story of stories) {
    for (const word of buildLexicon(story.texts, story.tags)) count(found, word);
    texts.push(...story.texts);
  }
  const candidates = new Set([...found].filter(([word, n]) => n >= SITE_WORD_STORIES && segment(word).length > 1).map(([word]) => word));
  // How often each candidate stands as a run of pieces, and how often each of its pieces stands anywhere.
  const occurrences = new Map<string, number>();
  const pieceCounts = new Map<string, number>();
  for (const text of texts) {
    for (const { pieces } of runsOf(text)) {
      for (const piece of pieces) count(pieceCounts, piece.text);
      for (const word of siteWordsIn(pieces, candidates)) count(occurrences, word);
    }
  }
  return [...candidates]
    .filter((word) => {
      const n = occurrences.get(word) ?? 0;
      const rarest = Math.min(...segment(word).map((piece) => pieceCounts.get(piece) ?? n));
      return n > 0 && n / rarest >= MIN_COHESION;
    })
    .sort();
}

/** Titles and ranks a Thai name follows, as the press writes them. */
export const TITLES: readonly string[] = ['นาย', 'นาง', 'นางสาว', 'เด็กชาย', 'เด็กหญิง', 'ดร.', 'นพ.', 'พญ.', 'ศ.', 'รศ.', 'ผศ.', 'ม.ร.ว.', 'ม.ล.', 'ว่าที่ร้อยตรี']
  .concat(['พล', 'พลตำรวจ', 'พลเรือ', 'พลอากาศ'].flatMap((rank) => ['เอก', 'โท', 'ตรี'].map((grade) => rank + grade)))
  .sort((a, b) => b.length - a.length);
const THAI_RUN = '[\\u0E01-\\u0E4E]+';
/** A title, the first name up to a space (a name glued to the words after it has no end to find), and the surname. */
const TITLED_NAME = new RegExp(`(${TITLES.map(escapeRegExp).join('|')}) ?(${THAI_RUN})(?=\\s)(?: (${THAI_RUN})(?=[\\s,.;:)"'\u201D]|$))?`, 'g');

/**
 * The names in a text that follow a title: first names and surnames. The segmenter often glues a
 * name's first letters to its title (นายธน|ดล), so it cannot tell where a title ends; a run after
 * a title that is no name (นายอำเภอเมือง…, an office) is only kept whole, which does no harm.
 */
export function titledNames(text: string): string[] {
  return [...text.normalize('NFC').matchAll(TITLED_NAME)].flatMap(([, , first, last]) => (last ? [first!, last] : [first!]));
}

/** A stretch of text: `keep` marks a word that must not be broken across lines. */
export interface LinePart {
  text: string;
  keep: boolean;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const matchers = new WeakMap<readonly string[], RegExp | null>();
function matcherFor(lexicon: readonly string[]): RegExp | null {
  let re = matchers.get(lexicon);
  if (re === undefined) {
    // Longest first, so the leftmost match is also the longest there; matches never overlap, so no kept stretch outgrows MAX_WORD_LENGTH.
    const alternatives = [...lexicon].sort((a, b) => b.length - a.length).map(escapeRegExp);
    re = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'g') : null;
    matchers.set(lexicon, re);
  }
  return re;
}

/**
 * The repeat mark ๆ belongs to the word before it and never starts a line: the ordinary space that
 * sources put before it becomes a no-break space, and where there is none a word joiner holds it.
 */
export function tieRepeatMark(text: string): string {
  return text.replace(/([^\s])[ \t]+ๆ/g, '$1\u00A0ๆ').replace(/([\u0E01-\u0E4E])ๆ/g, '$1\u2060ๆ');
}

/** Where the lexicon's words stand in `text`: leftmost, longest, never overlapping. */
export function* keptWords(text: string, lexicon: readonly string[]): Generator<{ index: number; word: string }> {
  const re = matcherFor(lexicon);
  if (!re) return;
  for (const match of text.matchAll(re)) yield { index: match.index, word: match[0] };
}

/** `text` cut into stretches, the lexicon's words marked to keep whole, ๆ tied to its word. */
export function lineParts(text: string, lexicon: readonly string[]): LinePart[] {
  const tied = tieRepeatMark(text);
  const parts: LinePart[] = [];
  let last = 0;
  for (const { index, word } of keptWords(tied, lexicon)) {
    if (index > last) parts.push({ text: tied.slice(last, index), keep: false });
    parts.push({ text: word, keep: true });
    last = index + word.length;
  }
  if (last < tied.length || parts.length === 0) parts.push({ text: tied.slice(last), keep: false });
  return parts;
}

/** The class of a kept word's span (global.css: white-space: nowrap). */
export const KEEP_CLASS = 'keep-word';
