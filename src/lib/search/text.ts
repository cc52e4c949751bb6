/**
 * Text normalisation shared by the index (at build time) and the query (in the browser), so that
 * both sides cut Thai into the same words: the ICU word segmenter, which Node and Chromium share.
 */

const THAI_DIGITS = /[\u0E50-\u0E59]/g;
const THAI_CHAR = /[\u0E00-\u0E7F]/;
/**
 * What separates two Thai words in the indexed text: a space for the indexer to split at, after an
 * invisible separator (U+2063) that says "this space was not in the story", so it can be taken out
 * again. Pagefind keeps U+2063 in the stored text; it drops zero-width spaces.
 */
export const WORD_MARK = '\u2063 ';

/** ๑๒๓ → 123: readers type either; newsrooms print either. */
export function thaiDigitsToArabic(text: string): string {
  return text.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Invisible characters a pasted query or an indexed text may carry. */
export function stripInvisible(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD]/g, '');
}

export function normalizeForSearch(text: string): string {
  return thaiDigitsToArabic(stripInvisible(text.normalize('NFC')));
}

let segmenter: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  return segmenter;
}

/** Runs of Thai, of whitespace, and of anything else: ICU would glue "ปธน.ปูติน" or "ฝุ่นPM2.5" together. */
const SCRIPT_RUNS = /[\u0E00-\u0E7F]+|\s+|[^\u0E00-\u0E7F\s]+/g;

function thaiWords(run: string): string[] {
  return [...wordSegmenter().segment(run)].map((s) => s.segment);
}

/**
 * Marks word boundaries in and around Thai text for the indexer: "ปูตินเยือนจีน" → "ปูติน⁣ เยือน⁣ จีน",
 * "“น้ำท่วม”" → "“⁣ น้ำ⁣ ท่วม⁣ ”" (see WORD_MARK). Pagefind would otherwise keep a quote or a Latin
 * word glued to a Thai word. Existing spaces, and Latin text among itself, are left as they are.
 */
export function markThaiWordBoundaries(text: string): string {
  const runs = normalizeForSearch(text).match(SCRIPT_RUNS) ?? [];
  let out = '';
  let previous = '';
  for (const run of runs) {
    const isSpace = /^\s/.test(run);
    if (previous && !isSpace && !/^\s/.test(previous)) out += WORD_MARK;
    out += THAI_CHAR.test(run[0]!) ? thaiWords(run).join(WORD_MARK) : run;
    previous = run;
  }
  return out;
}

/**
 * Pagefind strips combining marks before matching, and Thai vowels and tone marks are combining
 * marks: ข้าว (rice), ข่าว (news) and ขาว (white) would all be one word. Its exact-marks option in
 * turn breaks prefix matching, and its query splitter cuts Thai differently from the index. So in
 * the index, and in queries, Thai is spelled letter for letter with IPA letters (U+0250 onwards):
 * plain lowercase letters without marks, case or word splitting, which Pagefind matches as they are.
 */
const THAI_FIRST = 0x0e01;
const SPELLING_FIRST = 0x0250;
const THAI_LETTERS = /[\u0E01-\u0E5B]/g;
const SPELLED_LETTERS = /[\u0250-\u02AA]/g;

export function spellThai(text: string): string {
  return text.replace(THAI_LETTERS, (c) => String.fromCharCode(c.charCodeAt(0) - THAI_FIRST + SPELLING_FIRST));
}

export function unspellThai(text: string): string {
  return text.replace(SPELLED_LETTERS, (c) => String.fromCharCode(c.charCodeAt(0) - SPELLING_FIRST + THAI_FIRST));
}

/** The text as it goes into the index: Thai words marked and spelled in IPA letters. */
export function toIndexText(text: string): string {
  return spellThai(markThaiWordBoundaries(text));
}

/** The story text as published, from the indexed text. */
export function fromIndexText(text: string): string {
  return unspellThai(text.replaceAll(WORD_MARK, ''));
}

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The words a query term is looked up as, cut exactly as the index was: each Thai word on its own;
 * a run of Latin letters, digits and joining punctuation ("COVID-19", "PM2.5") kept whole, since
 * Pagefind indexes such a compound at one position.
 */
export function termPieces(term: string): string[] {
  const runs = normalizeForSearch(term).match(SCRIPT_RUNS) ?? [];
  return runs.flatMap((run) => {
    if (/^\s/.test(run)) return [];
    if (THAI_CHAR.test(run[0]!)) return thaiWords(run).filter((w) => HAS_LETTER_OR_DIGIT.test(w));
    const trimmed = run.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return trimmed ? [trimmed] : [];
  });
}
