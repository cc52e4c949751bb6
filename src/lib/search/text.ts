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
 * and tone marks) and punctuation, and splits at spaces. So every character becomes a plain letter:
 * Thai letters become IPA letters (U+0250 onwards, in Thai order), Latin letters and digits stay, any
 * other sign becomes ǀ and its code in base 36. After each cluster comes a letter for its boundary.
 */
export const CLUSTERS_PER_WORD = 3;
const THAI_FIRST = 0x0e01;
const SPELLING_FIRST = 0x0250;
const SIGN = 'ǀ';
export const BOUNDARY_LETTER: Record<ClusterEnd, string> = { cut: 'ǂ', silent: 'ǃ', end: 'ǁ' };

function spellChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x0e01 && code <= 0x0e5b) return String.fromCharCode(code - THAI_FIRST + SPELLING_FIRST);
  if (/[\p{L}\p{N}]/u.test(char)) return char;
  return SIGN + code.toString(36).padStart(4, '0');
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
 * Latin words and numbers inside a Thai run ("ประชาคมอาเซียน(ASEAN)", "COP29", "พ.ศ.2567"), indexed as
 * words too: each run of letters and digits, where a Latin query word may start, and a run joined by
 * dots or hyphens whole, as Pagefind indexes it in Latin text ("PM2.5", "www.mfa.go.th").
 */
const LATIN_IN_THAI = /[A-Za-z0-9]+(?:[.,\-'][A-Za-z0-9]+)*/g;
function latinWords(run: string): string[] {
  return [...new Set((run.match(LATIN_IN_THAI) ?? []).flatMap((w) => [w, ...(w.match(/[A-Za-z0-9]+/g) ?? [])]))];
}

/**
 * The space between the index words of one run is U+2063 then a space, and a Latin word added after
 * a run ends in U+2064 (see LATIN_IN_THAI), so that the stored text can be read back as published.
 * Pagefind keeps both invisible characters in the stored text and ignores them in words.
 */
export const WORD_MARK = '\u2063 ';
const ADDED = '\u2064';

/** The text as it goes into the index: every run of text holding Thai as cluster words; other text as it is. */
export function toIndexText(text: string): string {
  return normalizeForSearch(text).replace(/\S+/g, (run) => {
    if (!hasThai(run)) return run;
    const latin = latinWords(run).map((w) => w + ADDED);
    return [...clusterWords(run), ...latin].join(WORD_MARK);
  });
}

const BOUNDARY_CODES = new Set(Object.values(BOUNDARY_LETTER).map((letter) => letter.charCodeAt(0)));
const SIGN_CODE = SIGN.charCodeAt(0);
const SPELLING_LAST = 0x02aa;

/**
 * The first cluster of a cluster word, as written; null for a word that is not one (no boundary
 * letter). A loop over char codes: the search page reads back every result's whole text with it.
 */
function firstCluster(word: string): string | null {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (BOUNDARY_CODES.has(code)) return out;
    if (code >= SPELLING_FIRST && code <= SPELLING_LAST) out += String.fromCharCode(code - SPELLING_FIRST + THAI_FIRST);
    else if (code === SIGN_CODE && /^[0-9a-z]{4}$/.test(word.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(word.slice(i + 1, i + 5), 36));
      i += 4;
    } else out += word[i];
  }
  return null;
}

/** The story text as published (normalised), from the indexed text. */
export function fromIndexText(text: string): string {
  return text.replace(/\u2063 [^\s]*\u2064/g, '').replace(/([^\s\u2063]+)(?:\u2063 )?/g, (match, word: string) => firstCluster(word) ?? match);
}
