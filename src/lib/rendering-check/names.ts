import type { LatinName } from './types.ts';

const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9]*(?:[-.&'’][A-Za-z0-9]+)*/g;

/** Capitalised words that are not names on their own: titles, articles, joining words. */
const NOT_NAMES = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'into',
  'of',
  'on',
  'in',
  'at',
  'to',
  'by',
  'an',
  'or',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'h.e',
  'his',
  'her',
  'excellency',
  'prof',
]);

/** Lower-case parts, letters and digits apart: "COVID-19" → ["covid", "19"], "PM2.5" → ["pm", "2", "5"], "Leaders’" → ["leaders"]. */
export function nameParts(name: string): string[] {
  return (
    name
      .toLowerCase()
      .replace(/['’]s?$/, '')
      .match(/[a-z]+|[0-9]+/g) ?? []
  );
}

function isAcronym(token: string): boolean {
  return token.replace(/[^A-Z]/g, '').length >= 2;
}

function looksLikeName(token: string): boolean {
  if (NOT_NAMES.has(token.toLowerCase().replace(/\.$/, ''))) return false;
  // Acronyms ("TASS", "AI", "COVID-19") and capitalised words ("Rosatom"); lower-case words are descriptions.
  return isAcronym(token) || /^[A-Z][a-z]{2,}/.test(token);
}

interface Token {
  text: string;
  start: number;
}

function isWebAddressOrTag(text: string, token: Token): boolean {
  const before = text.slice(Math.max(0, token.start - 8), token.start);
  const after = text.slice(token.start + token.text.length, token.start + token.text.length + 4);
  return (
    /(?:www\.|:\/\/|@|#|\/)$/.test(before) || /^[@/]/.test(after) || /^(?:www|https?)$/i.test(token.text) || /\.(?:com|org|net|go\.th|th)$/i.test(token.text)
  );
}

/** Latin words that follow each other with only spaces or dashes between them form one phrase. */
function phrasesOf(text: string): Token[][] {
  const phrases: Token[][] = [];
  let current: Token[] = [];
  let lastEnd = -1;
  for (const match of text.matchAll(LATIN_TOKEN)) {
    const token = { text: match[0], start: match.index };
    if (isWebAddressOrTag(text, token)) continue;
    if (current.length > 0 && !/^[\s\-–]*$/.test(text.slice(lastEnd, token.start))) {
      phrases.push(current);
      current = [];
    }
    current.push(token);
    lastEnd = token.start + token.text.length;
  }
  if (current.length > 0) phrases.push(current);
  return phrases;
}

function toName(tokens: readonly Token[]): LatinName {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const span = { text: '', start: first.start, end: last.start + last.text.length };
  return { span, parts: tokens.flatMap((token) => nameParts(token.text)) };
}

/**
 * Names and acronyms written in Latin script in a Thai text, each with the alternatives that count as
 * mentioning it: an acronym must appear itself; a run of capitalised words ("Bilik Mesyuarat Perdana")
 * is mentioned when any of its words is, as English often names the same thing a little differently.
 * Web and e-mail addresses and hashtags are left out.
 */
export function extractLatinNames(text: string): { name: LatinName; alternatives: LatinName[] }[] {
  const names: { name: LatinName; alternatives: LatinName[] }[] = [];
  const seen = new Set<string>();
  const add = (name: LatinName, alternatives: LatinName[]) => {
    const key = name.parts.join(' ');
    if (name.parts.length === 0 || seen.has(key)) return;
    seen.add(key);
    names.push({ name: { ...name, span: { ...name.span, text: text.slice(name.span.start, name.span.end) } }, alternatives });
  };
  for (const phrase of phrasesOf(text)) {
    const words: Token[] = [];
    for (const token of phrase) {
      if (!looksLikeName(token.text)) continue;
      if (isAcronym(token.text)) {
        // "SDGs" is spelled out as "Sustainable Development Goals": the plural s is no initial.
        const initials = nameParts(token.text.replace(/(?<=[A-Z]{2})s$/, ''));
        add(toName([token]), [toName([token]), { ...toName([token]), parts: initials, acronymOf: true }]);
      } else words.push(token);
    }
    if (words.length > 0) {
      const whole = toName([words[0]!, ...phrase.slice(phrase.indexOf(words[0]!) + 1, phrase.indexOf(words[words.length - 1]!) + 1)]);
      add(whole, [whole, toName(words), ...words.map((word) => toName([word]))]);
    }
  }
  return names;
}

/** The words of an English text, lower case and letters apart from digits (as in nameParts), for name look-ups. */
export function englishWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+|[0-9]+/g) ?? [];
}

/** English may run a Thai-written name together ("Road Show" → "roadshow"); short parts must match whole. */
function isCompoundOf(word: string, part: string): boolean {
  return part.length >= 4 && word.length > part.length && (word.startsWith(part) || word.endsWith(part));
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', '&']);

/** Whether words from `index` on spell `letters` by their initials; small words may count or be skipped. */
function spellsInitials(words: readonly string[], index: number, letters: string): boolean {
  if (letters.length === 0) return true;
  const word = words[index];
  if (word === undefined) return false;
  if (SMALL_WORDS.has(word) && spellsInitials(words, index + 1, letters)) return true;
  return word[0] === letters[0] && spellsInitials(words, index + 1, letters.slice(1));
}

/** An acronym is also mentioned by its words written out: "AC" by "Annual Consultation", "BOI" by "Board of Investment". */
function mentionsSpelledOut(words: readonly string[], acronym: string): boolean {
  if (!/^[a-z]{2,}$/.test(acronym)) return false;
  for (let i = 0; i < words.length; i++) {
    if (!SMALL_WORDS.has(words[i]!) && spellsInitials(words, i, acronym)) return true;
  }
  return false;
}

/** A name is mentioned when its parts appear in a row (a trailing plural "s" allowed), or run together ("Covid19"). */
export function mentionsName(words: readonly string[], name: LatinName): boolean {
  if (name.acronymOf) return mentionsSpelledOut(words, name.parts.join(''));
  const parts = name.parts;
  const joined = parts.join('');
  for (let i = 0; i < words.length; i++) {
    if (words[i] === joined || words[i] === `${joined}s` || (parts.length > 1 && isCompoundOf(words[i]!, joined))) return true;
    let all = true;
    for (let j = 0; j < parts.length; j++) {
      const word = words[i + j];
      const part = parts[j]!;
      const last = j === parts.length - 1;
      // A plural on either side: "SMEs" in Thai, "SME’s" or "SME" in English.
      const singular = part.length > 2 && part.endsWith('s') ? part.slice(0, -1) : part;
      if (word === undefined || !(word === part || word === singular || (last && word === `${part}s`) || isCompoundOf(word, part))) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}
