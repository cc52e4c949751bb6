/**
 * Text normalisation and the index's words, shared by the index (at build time) and the query (in the
 * browser), so that both sides cut text in exactly the same way.
 *
 * A Thai query matches where its text occurs in a story starting and ending on a Thai character
 * cluster boundary (see clusterCut below). No word segmenter is involved: ICU cuts a word differently
 * inside a sentence than alone in a search box, so a segmenter's words can never be exact. Instead,
 * every cluster of a run of Thai text starts an index word that spells the next CLUSTERS_PER_WORD
 * clusters, each followed by a letter saying what kind of boundary ends it. A query of up to that many
 * clusters is then a prefix of the word that starts where it occurs; a longer query is cut into such
 * words, which must stand at consecutive multiples of CLUSTERS_PER_WORD positions (engine.ts).
 */

const THAI_DIGITS = /[\u0E50-\u0E59]/g;
const THAI_CHAR = /[\u0E00-\u0E7F]/;

/** ๑๒๓ → 123: readers type either; newsrooms print either. */
export function thaiDigitsToArabic(text: string): string {
  return text.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Invisible characters a pasted query or an indexed text may carry. */
export function stripInvisible(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD]/g, '');
}

/**
 * Hyphens, en and em dashes and the minus sign are one character to a reader, and spaces around a
 * dash between Thai words are optional: ไทย–ลาว, ไทย - ลาว and ไทย-ลาว are all ไทย-ลาว.
 */
export function unifyDashes(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/(?<=[\u0E00-\u0E7F]) *- *(?=[\u0E00-\u0E7F])/g, '-');
}

export function normalizeForSearch(text: string): string {
  return unifyDashes(thaiDigitsToArabic(stripInvisible(text.normalize('NFC'))));
}

export const hasThai = (text: string): boolean => THAI_CHAR.test(text);

// The cluster rules (see /work/shared/notes/thai-clusters.md; standard Thai character clusters).
const LEADING_VOWEL = /[\u0E40-\u0E44]/;
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const FOLLOWING_VOWEL = /[\u0E30\u0E32\u0E33\u0E45]/;
/** A silent final consonant: one or two consonants, perhaps ิ or ุ, then the silencer ์ (ด์, ทร์, ดิ์). */
const SILENT_FINAL = /^[\u0E01-\u0E2E]{1,2}[\u0E34\u0E38]?\u0E4C/;
/** Vowels a query may end on (tone marks after them aside): then a silent final is a spelling variant. */
const VOWEL = /[\u0E30\u0E32-\u0E39\u0E45]/;
const TONE_MARK = /[\u0E48-\u0E4B]/g;

/** Whether a silent final consonant starts at `i`. */
export function silentFinalAt(text: string, i: number): boolean {
  return SILENT_FINAL.test(text.slice(i, i + 4));
}

/** Whether an occurrence may start at `i`: not after a leading vowel, not on a mark or following vowel. */
export function clusterStart(text: string, i: number): boolean {
  if (i > 0 && LEADING_VOWEL.test(text[i - 1]!)) return false;
  return i >= text.length || !(COMBINING.test(text[i]!) || FOLLOWING_VOWEL.test(text[i]!));
}

/** Whether an occurrence may end before `i`: not before a mark, a following vowel or a silent final. */
export function clusterEnd(text: string, i: number): boolean {
  if (i >= text.length) return true;
  return !(COMBINING.test(text[i]!) || FOLLOWING_VOWEL.test(text[i]!) || silentFinalAt(text, i));
}

/** Whether a query part ends on a vowel, so that a silent final consonant after it still matches (เมียนมา, เมียนมาร์). */
export function endsOnVowel(part: string): boolean {
  const last = part.replace(TONE_MARK, '').at(-1);
  return last !== undefined && VOWEL.test(last);
}

/**
 * The clusters of a text without spaces, each with what ends it: 'cut' (a cluster boundary, where
 * matches may start and end), 'silent' (a silent final consonant follows, glued to this syllable) or
 * 'end' (the end of the text). Every Latin letter, digit or other sign is a cluster of its own.
 */
export type ClusterEnd = 'cut' | 'silent' | 'end';
export function clusters(text: string): { text: string; end: ClusterEnd }[] {
  const out: { text: string; end: ClusterEnd }[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length) {
      out.push({ text: text.slice(start), end: 'end' });
      break;
    }
    if (!clusterStart(text, i)) continue;
    const end: ClusterEnd | null = clusterEnd(text, i) ? 'cut' : LEADING_VOWEL.test(text[i - 1]!) ? null : silentFinalAt(text, i) ? 'silent' : null;
    if (!end) continue;
    out.push({ text: text.slice(start, i), end });
    start = i;
  }
  return text.length === 0 ? [] : out;
}

/**
 * How index words spell clusters: Pagefind lower-cases words, strips combining marks (all Thai vowels
 * and tone marks) and punctuation, splits at spaces, and cuts a word again where letters meet digits
 * (3rd → rd, 19thh9trbh → trbh: word starts the text does not have, which a query would find). So
 * every character becomes a plain letter: Thai letters become IPA letters (U+0250 onwards, in Thai
 * order), Latin letters stay, digits become DIGIT_LETTERS, any other sign becomes ǀ and its code in
 * base 36 written with the same letters for digits. After each cluster comes a letter for its boundary.
 */
export const CLUSTERS_PER_WORD = 3;
const THAI_FIRST = 0x0e01;
const SPELLING_FIRST = 0x0250;
const SIGN = 'ǀ';
export const BOUNDARY_LETTER: Record<ClusterEnd, string> = { cut: 'ǂ', silent: 'ǃ', end: 'ǁ' };

/** The digits 0–9 as index words spell them: lower-case letters without a decomposition, which Pagefind keeps as they are. */
const DIGIT_LETTERS = 'ƀƃƅƈƌƍƒƕƙƚ';
const DIGIT_LETTER = new RegExp(`[${DIGIT_LETTERS}]`, 'g');

/** A number in base 36 with DIGIT_LETTERS for its digits, at least `width` long. */
function code36(n: number | bigint, width = 0): string {
  return n
    .toString(36)
    .padStart(width, '0')
    .replace(/[0-9]/g, (digit) => DIGIT_LETTERS[Number(digit)]!);
}

/** Digits again where code36 or spellChar wrote DIGIT_LETTERS. */
const withDigits = (text: string): string => text.replace(DIGIT_LETTER, (letter) => String(DIGIT_LETTERS.indexOf(letter)));

/** A sign's code after SIGN: four base-36 places (code36). */
const SIGN_CODE_PLACES = new RegExp(`^[a-z${DIGIT_LETTERS}]{4}$`);

/** Letters the spelling itself uses (CASE_MARK and DIGIT_LETTERS included): written in the text, they are spelled as signs, so that reading back is exact. */
const SPELLING_LETTERS = new RegExp(`[\\u0250-\\u02ac\\u01c0-\\u01c3${DIGIT_LETTERS}]`);

/** A letter stays (a capital only once lowerRun has lowered it), a digit becomes its letter; anything else is a sign. */
function spellChar(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0x0e01 && code <= 0x0e5b) return String.fromCharCode(code - THAI_FIRST + SPELLING_FIRST);
  if (code >= 0x30 && code <= 0x39) return DIGIT_LETTERS[code - 0x30]!;
  if (/[\p{L}\p{N}]/u.test(char) && !SPELLING_LETTERS.test(char) && char.toLowerCase() === char) return char;
  return SIGN + code36(code, 4);
}

/**
 * Pagefind cuts a word with capitals again where its case changes or letters meet digits (CTrip →
 * ctrip and trip, COP29 → cop, 29 and cop29): words the text does not hold, which a query would find.
 * So index words are all lower case, and a run's capitals are written after its first word: CASE_MARK,
 * then their places as a bit mask in base 36 (code36), for reading back.
 */
const CASE_MARK = '\u02ac';

function lowerRun(run: string): { lower: string; capitals: bigint } {
  let lower = '';
  let capitals = 0n;
  for (const char of run) {
    const small = char.toLowerCase();
    if (small !== char && small.length === char.length && small.toUpperCase() === char) {
      capitals |= 1n << BigInt(lower.length);
      lower += small;
    } else lower += char;
  }
  return { lower, capitals };
}

function raiseCapitals(text: string, capitals: bigint): string {
  let out = '';
  for (const char of text) out += (capitals >> BigInt(out.length)) & 1n ? char.toUpperCase() : char;
  return out;
}

export const spellCluster = (text: string): string => [...text].map(spellChar).join('');

/**
 * The index words of a run of text without spaces that holds Thai: one word per cluster, spelling it
 * and the clusters after it. The first cluster of each word, read back in order, is the run itself.
 */
export function clusterWords(run: string, perWord = CLUSTERS_PER_WORD): string[] {
  const spelled = clusters(run).map((c) => spellCluster(c.text) + BOUNDARY_LETTER[c.end]);
  return spelled.map((_, i) => spelled.slice(i, i + perWord).join(''));
}

/**
 * Latin words and numbers, matched where a word starts (a letter or digit after anything else): each
 * word start gets an index word spelling the text from there to the end of its stretch of Latin
 * letters, digits and signs (a run without spaces, or, inside a Thai run, up to the next Thai
 * letter), signs spelled as codes as in spellChar. A query part is then a prefix of the word that
 * starts where it occurs: "people" finds "people's" and "peoples", "peoples" finds "peoples" only,
 * "medium-term" finds "medium-term" and not "medium term"; Pagefind's own word rules (which drop
 * apostrophes and cut at hyphens) never see Latin text. Words are cut at LATIN_WORD_CHARS characters:
 * a longer query part is looked up by its start and checked against the text (engine.ts).
 */
export const LATIN_WORD_CHARS = 40;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;
const LATIN_STRETCH = /[^\s\u0E00-\u0E7F]+/g;

/** The spelled index word of a Latin query part or of text from a word start (lower case, as Pagefind keeps words). */
export const spellLatin = (text: string): string => spellCluster([...text].slice(0, LATIN_WORD_CHARS).join('').toLowerCase());

/** The index words of the word starts of a stretch of text without spaces or Thai, at and after `from`. */
function latinStarts(stretch: string, from: number): string[] {
  const words: string[] = [];
  for (let i = from; i < stretch.length; i++) {
    if (LATIN_OR_DIGIT.test(stretch[i]!) && (i === 0 || !LATIN_OR_DIGIT.test(stretch[i - 1]!))) words.push(spellLatin(stretch.slice(i)));
  }
  return words;
}

/**
 * The space between the index words of one run is U+2063 then a space, and a word added after a
 * run's own (a Latin word start inside it) ends in U+2064, so that the stored text can be read back
 * as published. Pagefind keeps both invisible characters in the stored text (and at the end of some
 * words, where a query, which Pagefind matches as a prefix, still finds them).
 */
export const WORD_MARK = '\u2063 ';
const ADDED = '\u2064';

/**
 * The text as it goes into the index: a run of text holding Thai as cluster words, then the Latin
 * word starts inside it; any other run spelled whole (read back as published), then its later word starts.
 */
export function toIndexText(text: string): string {
  return normalizeForSearch(text).replace(/\S+/g, (published) => {
    const { lower: run, capitals } = lowerRun(published);
    const own = hasThai(run) ? clusterWords(run) : [spellCluster(run)];
    if (capitals) own[0] += CASE_MARK + code36(capitals);
    const added = hasThai(run)
      ? (run.match(LATIN_STRETCH) ?? []).flatMap((stretch) => latinStarts(stretch, 0))
      : latinStarts(run, LATIN_OR_DIGIT.test(run[0]!) ? 1 : 0);
    return [...own, ...[...new Set(added)].filter((w) => !own.includes(w)).map((w) => w + ADDED)].join(WORD_MARK);
  });
}

const BOUNDARY_CODES = new Set(Object.values(BOUNDARY_LETTER).map((letter) => letter.charCodeAt(0)));
const SIGN_CODE = SIGN.charCodeAt(0);
const SPELLING_LAST = 0x02aa;

/**
 * The first cluster of a cluster word, as written; null for a word that is not one (no boundary
 * letter). A loop over char codes: the build reads back every story's whole text with it.
 */
function firstCluster(word: string): string | null {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (BOUNDARY_CODES.has(code)) return out;
    if (code >= SPELLING_FIRST && code <= SPELLING_LAST) out += String.fromCharCode(code - SPELLING_FIRST + THAI_FIRST);
    else if (code === SIGN_CODE && SIGN_CODE_PLACES.test(word.slice(i + 1, i + 5))) {
      out += String.fromCodePoint(parseInt(withDigits(word.slice(i + 1, i + 5)), 36));
      i += 4;
    } else {
      const digit = DIGIT_LETTERS.indexOf(word[i]!);
      out += digit >= 0 ? String(digit) : word[i];
    }
  }
  return null;
}

/** A sign and its code (spellChar), kept by split. */
const SIGN_CODES = new RegExp(`(${SIGN}[a-z${DIGIT_LETTERS}]{4})`);

/** A word spelled whole (a run without Thai), as written. */
function unspell(word: string): string {
  return word
    .split(SIGN_CODES)
    .map((part, i) => (i % 2 === 1 ? String.fromCodePoint(parseInt(withDigits(part.slice(1)), 36)) : withDigits(part)))
    .join('');
}

/** One run of the stored text (its own words, the added ones gone) as published. */
function readRun(run: string): string {
  const words = run.split(WORD_MARK);
  const mark = words[0]!.lastIndexOf(CASE_MARK);
  let capitals = 0n;
  if (mark >= 0) {
    for (const place of withDigits(words[0]!.slice(mark + 1))) capitals = capitals * 36n + BigInt(parseInt(place, 36));
    words[0] = words[0]!.slice(0, mark);
  }
  const text = words.map((word) => firstCluster(word) ?? unspell(word)).join('');
  return capitals ? raiseCapitals(text, capitals) : text;
}

/** The story text as published (normalised), from the indexed text. */
export function fromIndexText(text: string): string {
  return text.replace(/\u2063 [^\s]*\u2064/g, '').replace(/(?:[^\s\u2063]+\u2063 )*[^\s\u2063]+/g, readRun);
}
