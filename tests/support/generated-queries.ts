import { normalizeForSearch } from '../../src/lib/search/text.ts';
import type { StoryTexts } from './search-quality.ts';

/**
 * Search queries drawn from the stories by rule, not by hand: nobody picked them, so nobody tuned the
 * search to them. Each category is a kind of query the search once got wrong (see the search issue);
 * the same stories and seed always give the same queries. Ground truth comes from the text
 * (search-quality.ts, isRelevant), never from these rules.
 */
export const QUERY_CATEGORIES = [
  'compound-tail',
  'name-after-title',
  'abbreviation-dash',
  'acronym-in-thai',
  'short-or-prefix',
  'spelling-variant',
  'english',
] as const;
export type QueryCategory = (typeof QUERY_CATEGORIES)[number];

export interface GeneratedQuery {
  category: QueryCategory;
  lang: 'th' | 'en';
  query: string;
}

/** A small seeded generator (mulberry32): the same seed draws the same queries. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct items drawn from a sorted candidate list. */
function draw(candidates: Iterable<string>, count: number, next: () => number): string[] {
  const pool = [...new Set(candidates)].sort();
  const out: string[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const THAI_WORD = /^[ก-๎]+$/;
/** Rough syllable count: Thai consonants; enough to keep drawn words from being one letter long. */
const consonants = (w: string) => (w.match(/[ก-ฮ]/g) ?? []).length;
const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'is', 'as', 'this', 'that', 'of', 'in', 'to', 'for', 'on', 'at', 'by', 'with', 'from', 'be', 'it']);
const TITLES = ['นายแพทย์', 'แพทย์หญิง', 'นางสาว', 'พลตำรวจเอก', 'พลเอก', 'ศาสตราจารย์', 'ดร.', 'นาย', 'นาง'];

/**
 * Draws `perCategory` queries for each Thai category and `english` English ones.
 * - compound-tail: a dictionary word that stands alone somewhere and also ends a longer word elsewhere (ท่องเที่ยว, การท่องเที่ยว);
 * - name-after-title: the text glued to a title, up to the next space (นายแพทย์ชลน่าน → ชลน่าน);
 * - abbreviation-dash: Thai abbreviations with dots (ก.ล.ต.), and words joined by a dash, with the dash as written, a hyphen, or spaced;
 * - acronym-in-thai: a Latin acronym written in Thai text (ประชาคมอาเซียน(ASEAN), COP29);
 * - short-or-prefix: short words that also occur inside unrelated words, and words that begin longer words;
 * - spelling-variant: a word ending on a vowel that is also written with a silent final (เมียนมา/เมียนมาร์), and Latin written apart that is also written together (PM 2.5).
 */
export function generateQueries(stories: readonly StoryTexts[], perCategory = 50, english = 70, seed = 14): GeneratedQuery[] {
  const next = random(seed);
  const thaiTexts = stories.map((s) => normalizeForSearch(s.texts.th ?? '')).filter(Boolean);
  const englishTexts = stories.map((s) => normalizeForSearch(s.texts.en ?? '')).filter(Boolean);

  const words = new Map<string, number>();
  for (const text of thaiTexts)
    for (const { segment, isWordLike } of segmenter.segment(text)) if (isWordLike && THAI_WORD.test(segment)) words.set(segment, (words.get(segment) ?? 0) + 1);
  const wordList = [...words.keys()];

  const tails = new Set<string>();
  const prefixes = new Set<string>();
  // Words the segmenter finds on their own often enough to be words a reader would type.
  const common = new Set(wordList.filter((w) => (words.get(w) ?? 0) >= 8 && !/^[ะ-ฺ็-๎]/.test(w)));
  for (const long of wordList) {
    for (let i = 1; i < long.length - 2; i++) {
      const tail = long.slice(i);
      // Only where a syllable may start: not after a leading vowel (เ แ โ ใ ไ).
      if (common.has(tail) && consonants(tail) >= 3 && !/[เ-ไ]/.test(long[i - 1]!)) tails.add(tail);
    }
    for (let i = 2; i < long.length - 1; i++) {
      const head = long.slice(0, i);
      if (common.has(head) && consonants(head) <= 4) prefixes.add(head);
    }
  }
  // Short words (two or three consonants) that also occur inside other words, where they are not words.
  const shortWords = [...common].filter((w) => consonants(w) >= 2 && consonants(w) <= 3 && w.length <= 5);
  const pieces = shortWords.filter((w) => wordList.some((other) => other !== w && other.length > w.length + 1 && other.slice(1).includes(w)));

  const names = new Set<string>();
  const titled = new RegExp(`(?:${TITLES.map((t) => t.replace('.', '\\.')).join('|')})([ก-๎]{4,})(?=\\s)`, 'g');
  for (const text of thaiTexts) {
    for (const m of text.matchAll(titled)) {
      // The title must be a word of its own there (นายกรัฐมนตรี and นายจ้าง are not นาย + a name).
      const title = m[0].slice(0, m[0].length - m[1]!.length);
      const first = [...segmenter.segment(m[0])][0]!.segment;
      if (first === title && m[1]!.length <= 15 && consonants(m[1]!) >= 3 && !/[ก-๎]/.test(text[m.index - 1] ?? '')) names.add(m[1]!);
    }
  }

  const abbreviations = new Set<string>();
  const dashed = new Set<string>();
  const acronyms = new Set<string>();
  const silentVariants = new Set<string>();
  for (const text of thaiTexts) {
    for (const m of text.matchAll(/(?<![ก-๎.])(?:[ก-ฮ]{1,2}\.){2,}/g)) abbreviations.add(m[0]);
    for (const m of text.matchAll(/([ก-๎]+)( ?- ?)([ก-๎]+)/g)) {
      const left = [...segmenter.segment(m[1]!)].at(-1)!.segment;
      const right = [...segmenter.segment(m[3]!)][0]!.segment;
      if (consonants(left) >= 2 && consonants(right) >= 2) dashed.add(`${left}${m[2]}${right}`);
    }
    for (const m of text.matchAll(/(?<=[ก-๎([]|[ก-๎] )[A-Z][A-Z0-9]{1,9}(?=[ก-๎)\]\s,]|$)/g)) acronyms.add(m[0]);
    for (const m of text.matchAll(/[ก-๎]*[ะา-ู][่-๋]?[ก-ฮ]{1,2}[ิุ]?์/g)) {
      // A word the segmenter reads with its silent final (เมียนมาร์) that is also a word without it (เมียนมา).
      const word = [...segmenter.segment(m[0])].at(-1)!.segment;
      const bare = word.replace(/[ก-ฮ]{1,2}[ิุ]?์$/, '');
      if (bare !== word && consonants(bare) >= 3 && (words.get(bare) ?? 0) >= 2) silentVariants.add(bare);
    }
  }
  // Latin written apart that is also written together somewhere (PM 2.5 / PM2.5, Soft Power / Softpower).
  const latinApart = new Set<string>();
  const allText = [...thaiTexts, ...englishTexts].join('\n');
  const latinTokens = new Set((allText.match(/[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]/g) ?? []).map((t) => t.toLowerCase()));
  for (const m of allText.matchAll(/(?<![A-Za-z0-9])([A-Za-z]{2,})\s+([A-Za-z0-9][A-Za-z0-9.]*)(?![A-Za-z0-9])/g)) {
    if (!STOP_WORDS.has(m[1]!.toLowerCase()) && !STOP_WORDS.has(m[2]!.toLowerCase()) && latinTokens.has(`${m[1]}${m[2]}`.toLowerCase()))
      latinApart.add(`${m[1]} ${m[2]}`);
  }

  // The dashed compounds drawn come back with the dash written three ways, as readers type it.
  const dashVariants = draw(dashed, Math.ceil(perCategory / 4), next).flatMap((d) => {
    const [left, right] = d.split(/ ?- ?/);
    return [`${left}-${right}`, `${left}–${right}`, `${left} - ${right}`];
  });
  const half = Math.floor(perCategory / 2);
  const thai = (category: QueryCategory, list: string[]) => list.map((query): GeneratedQuery => ({ category, lang: 'th', query }));
  const englishWords = new Set<string>();
  const englishPairs = new Set<string>();
  for (const text of englishTexts) {
    const tokens = text.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) ?? [];
    tokens.forEach((t, i) => {
      if (t.length >= 6) englishWords.add(t.toLowerCase());
      if (i > 0 && t.length >= 5 && tokens[i - 1]!.length >= 5) englishPairs.add(`${tokens[i - 1]} ${t}`.toLowerCase());
    });
  }
  return [
    ...thai('compound-tail', draw(tails, perCategory, next)),
    ...thai('name-after-title', draw(names, perCategory, next)),
    ...thai('abbreviation-dash', [...draw(abbreviations, perCategory - dashVariants.length, next), ...dashVariants]),
    ...thai('acronym-in-thai', draw(acronyms, perCategory, next)),
    ...thai('short-or-prefix', [...draw(pieces, half, next), ...draw(prefixes, perCategory - half, next)]),
    ...thai('spelling-variant', [...draw(silentVariants, half, next), ...draw(latinApart, perCategory - Math.min(half, silentVariants.size), next)]),
    ...draw(englishWords, Math.ceil(english * 0.7), next).map((query): GeneratedQuery => ({ category: 'english', lang: 'en', query })),
    ...draw(englishPairs, english - Math.ceil(english * 0.7), next).map((query): GeneratedQuery => ({ category: 'english', lang: 'en', query })),
  ];
}
