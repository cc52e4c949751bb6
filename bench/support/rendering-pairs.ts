import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainTextParagraphs } from '../../src/lib/rendering-check/plain-text.ts';
import { THAI_MONTHS } from '../../src/lib/thai-calendar.ts';

/**
 * Real same-story Thai/English pairs found in the thaigov corpus by rule, never by the check itself.
 *
 * Each item is read whole and cut into sections: a cabinet summary ("สรุปข่าวการประชุมคณะรัฐมนตรี", "The
 * cabinet met on …") is one section per resolution ("9. เรื่อง …", "Title: …"), any other item is one
 * section. A section's anchors are what the two languages write alike: numbers as values (Thai digits
 * read, separators dropped, B.E. years made C.E.), day-and-month dates, clock times (1100hrs is 11.00 น.),
 * and the Latin names and acronyms a Thai text carries (ASEAN, BOI, Toyota). An anchor weighs its rarity in the language where it is commoner
 * (idf over the Thai sections and over the English ones, the smaller), so a year, "3" or "Thailand" says
 * little and 222.95 or EAEU says much.
 *
 * An English section pairs with a Thai section of the week before it (a cabinet summary's rendering comes
 * out days after the meeting; a rendering is at most a day older than its Thai) that gives the day of the
 * English's dateline, when:
 *   - each is the other's best match, and they share weight MIN_SCORE or more;
 *   - the next best Thai section shares MIN_LEAD less (the English is this Thai's, not the day's news);
 *   - the Thai gives at least half of the English's numbers, by weight (a rendering's figures mostly agree).
 * A Thai item that carries its own English rendering below the Thai (a bilingual release) pairs with itself
 * when the two parts share most of their numbers. Of each pair's English, only the paragraphs that share
 * an anchor with some Thai paragraph are kept (see renderingParagraphs).
 */

export interface CorpusPair {
  /** "th/0075.txt ↔ en/0254.txt", a section "th/2842.txt §9 ↔ en/0035.txt", or "th/1579.txt (bilingual)". */
  name: string;
  thaiFile: string;
  englishFile: string;
  thai: string[];
  /** The English paragraphs that render something of the Thai. */
  english: string[];
  /** English paragraphs left out: they share no rare anchor with any Thai paragraph, so they render nothing of it. */
  unaligned: number;
  /** The weight of the anchors the two share, and the next best Thai section's (0 for bilingual releases). */
  score: number;
  runnerUp: number;
  /** The share of the English's numbers (by weight) the Thai gives (1 for bilingual releases). */
  numbers: number;
}

interface IndexEntry {
  file: string;
  date: string;
}

interface Section {
  file: string;
  /** The section's place in a cabinet summary, or null for a whole item. */
  index: number | null;
  day: number;
  english: boolean;
  paragraphs: string[];
  anchors: Set<string>;
  /** An English release's dateline (the day its news happened), as a date anchor. */
  dateline: string | null;
  /** Every date its whole item gives (a cabinet summary dates its resolutions once, at the top). */
  itemDates: Set<string>;
}

const DAY = 86_400_000;
/** A rendering is dated up to this many days after its Thai original, and at most one day before. */
const DAYS_AFTER = 7;
const DAYS_BEFORE = 1;
/** The shared weight a pair needs (three or four rare anchors), its lead over the next best Thai section, and the share of numbers. */
const MIN_SCORE = 15;
const MIN_LEAD = 12;
/** An English paragraph renders a Thai one when they share this weight (a rare anchor, or a few common ones). */
const MIN_PARAGRAPH_WEIGHT = 3;
const MIN_NUMBER_SHARE = 0.5;

const digitsOf = (text: string) => text.replace(/[๐-๙]/gu, (digit) => String(digit.charCodeAt(0) - 0x0e50));
const thaiLetters = /[\u0e00-\u0e7f]/u;

/** The numbers of a text as values, B.E. years also as C.E.; for pairing and for telling whether a mutated figure is new. */
export function numberValues(text: string): Set<number> {
  const values = new Set<number>();
  for (const match of digitsOf(text).matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    const value = Number(match[0].replaceAll(',', ''));
    values.add(value);
    if (Number.isInteger(value) && value >= 2400 && value <= 2700) values.add(value - 543);
  }
  return values;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ENGLISH_DATE = new RegExp(`\\b(${ENGLISH_MONTHS.join('|')})\\s+(\\d{1,2})\\b|\\b(\\d{1,2})\\s+(${ENGLISH_MONTHS.join('|')})\\b`, 'g');
const THAI_DATE = new RegExp(`(?<!\\d)(\\d{1,2})\\s*(${THAI_MONTHS.flatMap((month) => [month.full, month.short.replaceAll('.', '\\.')]).join('|')})`, 'gu');
/** A Latin word with the digits and dots glued to it, so the Thai "PM2.5" is not the English "PM". */
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*/g;

/**
 * The dateline of an English release, the day its news happened: its body opens "September 25, 2024, …";
 * a cabinet summary's resolutions are dated by its title, "The cabinet met on January 7, 2025".
 */
function englishDateline(lines: string[]): string | null {
  const match = new RegExp(`^(?:On\\s+)?(?:${ENGLISH_DATE.source})`).exec(lines[1] ?? '') ?? new RegExp(ENGLISH_DATE.source).exec(lines[0] ?? '');
  return match ? `date ${ENGLISH_MONTHS.indexOf((match[1] ?? match[4])!) + 1}-${Number(match[2] ?? match[3])}` : null;
}

/** Clock times: "1100hrs", "11.00 hrs", "9.30 a.m." in English, "11.00 น." in Thai. */
const ENGLISH_TIME = /\b(\d{1,2})[.:]?(\d{2})\s*(hrs?\b|hours\b|a\.m\.|p\.m\.)/gi;
const THAI_TIME = /(?<![\d.])(\d{1,2})[.:](\d{2})\s*น\./gu;

/** What both languages write alike: numbers as values, dates as day and month, clock times, Latin names and acronyms. */
function anchorsOf(rawText: string, english: boolean): Set<string> {
  const anchors = new Set<string>();
  // A time is one anchor, written alike in both languages once read ("1100hrs" is 11.00 น.), not two numbers.
  const text = digitsOf(rawText).replace(english ? ENGLISH_TIME : THAI_TIME, (...match: string[]) => {
    const hour = Number(match[1]) + (english && /^p/i.test(match[3]!) && Number(match[1]) < 12 ? 12 : 0);
    anchors.add(`time ${hour}:${match[2]}`);
    return ' ';
  });
  for (const value of numberValues(text)) {
    // A B.E. year stands as its C.E. year only.
    if (!(Number.isInteger(value) && value >= 2400 && value <= 2700)) anchors.add(`number ${value}`);
  }
  if (english) {
    for (const match of text.matchAll(ENGLISH_DATE)) {
      anchors.add(`date ${ENGLISH_MONTHS.indexOf((match[1] ?? match[4])!) + 1}-${Number(match[2] ?? match[3])}`);
    }
  } else {
    for (const match of text.matchAll(THAI_DATE)) {
      const month = THAI_MONTHS.findIndex((names) => names.full === match[2] || names.short === match[2]);
      anchors.add(`date ${month + 1}-${Number(match[1])}`);
    }
  }
  for (const match of text.matchAll(LATIN_WORD)) {
    const word = match[0];
    if (word.length < 2) continue;
    // In English only names and acronyms (capitalised words), as a Thai text carries them.
    if (english && !/^[A-Z]/.test(word)) continue;
    anchors.add(`word ${word.toLowerCase()}`);
  }
  return anchors;
}

/** A resolution's heading in a cabinet summary: "9. เรื่อง …" in Thai, "Title: …" (sometimes without the colon) in English. */
const SECTION_HEADING = /^(?:[0-9๐-๙]{1,2}\.\s*เรื่อง|Title\s*:|Title\s+(?=[A-Z]))/u;

/**
 * An item's sections: one per resolution heading when it has them (the list of headings at the top of a
 * Thai summary makes one-line sections, which are left out), else the whole item. A section is read under
 * its item's title, which dates it ("สรุปข่าวการประชุมคณะรัฐมนตรี 15 สิงหาคม 2566"); its anchors are its own.
 */
function sectionsOf(lines: string[]): { index: number | null; paragraphs: string[]; own: string[] }[] {
  const starts = lines.flatMap((line, i) => (i > 0 && SECTION_HEADING.test(line) ? [i] : []));
  if (starts.length === 0) return [{ index: null, paragraphs: lines, own: lines }];
  return starts
    .map((start, k) => lines.slice(start, starts[k + 1] ?? lines.length))
    .map((own, k) => ({ index: k + 1, paragraphs: [lines[0]!, ...own], own }))
    .filter((section) => section.own.length >= 2);
}

/**
 * Every line of an item after its header, title first: rules ("-----", "*****") separate parts of a
 * release (a summary's list of headings from its body, a Thai text from its English), so they are dropped,
 * not taken as the end; the source line goes.
 */
function allLines(raw: string): string[] {
  const [title] = plainTextParagraphs(raw);
  if (!title) return [];
  const lines = raw.split(/\r?\n/).map((line) => line.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, ''));
  const bodyStart = lines.findIndex((line, i) => i > 0 && line === title.text);
  const body = lines
    .slice(bodyStart + 1)
    .filter((line) => /[\p{L}\p{N}]/u.test(line) && !/^[-*_=]{3,}/.test(line) && !/^ที่มา\s*:/u.test(line) && line !== title.text);
  return [title.text, ...body];
}

/** A line of a bilingual release that is English: long, and with no Thai letters. */
const isEnglishLine = (line: string) => line.length >= 60 && !thaiLetters.test(line) && /[A-Za-z]{3}/.test(line);

/** Splits a bilingual release where its English part starts (three English lines in a row), or null. */
function bilingualParts(paragraphs: string[]): { thai: string[]; english: string[] } | null {
  const start = paragraphs.findIndex((_, i) => paragraphs.slice(i, i + 3).length === 3 && paragraphs.slice(i, i + 3).every(isEnglishLine));
  if (start < 2) return null;
  const english = paragraphs.slice(start).filter((line) => !thaiLetters.test(line));
  return { thai: paragraphs.slice(0, start), english };
}

/** Numbers that tell stories apart: not small counts (they agree by chance) and not years (every story of a year has them). */
const significant = (values: Set<number>) =>
  new Set([...values].filter((value) => (value >= 10 || !Number.isInteger(value)) && !(value >= 1900 && value <= 2700)));
const sharedCount = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x)).length;

function readSections(corpusDir: string): { sections: Section[]; lines: Map<string, string[]> } {
  const index = (file: string) => JSON.parse(readFileSync(join(corpusDir, file), 'utf8')) as IndexEntry[];
  const lines = new Map<string, string[]>();
  const sections: Section[] = [];
  for (const entry of [...index('th-index.json'), ...index('en-index.json')]) {
    const raw = readFileSync(join(corpusDir, entry.file), 'utf8');
    // The story as the importer reads it (its trailer cut at the first rule), and every line, for the parts a rule separates.
    const story = plainTextParagraphs(raw).map((paragraph) => paragraph.text);
    const itemLines = allLines(raw);
    lines.set(entry.file, itemLines);
    // The Thai folder holds English items too (cabinet summaries in English): they pair like the English folder's.
    const english = story.filter((line) => !thaiLetters.test(line)).length > story.length / 2;
    const parts = sectionsOf(itemLines);
    const itemDates = new Set([...anchorsOf(itemLines.join('\n'), english)].filter((anchor) => anchor.startsWith('date ')));
    for (const { index: sectionIndex, paragraphs, own } of parts[0]?.index === null ? [{ index: null, paragraphs: story, own: story }] : parts) {
      // A Thai section's anchors come from its Thai lines: the English part of a bilingual release is not the Thai's.
      const anchorText = (english ? own : own.filter((line) => thaiLetters.test(line))).join('\n');
      sections.push({
        file: entry.file,
        index: sectionIndex,
        day: Date.parse(entry.date),
        english,
        paragraphs,
        anchors: anchorsOf(anchorText, english),
        dateline: english ? englishDateline(itemLines) : null,
        itemDates,
      });
    }
  }
  return { sections, lines };
}

/**
 * The English paragraphs that render something of the Thai: those sharing at least a rare anchor's weight
 * with one of its paragraphs. The others (background the English adds, a part of a longer English item the
 * Thai does not cover) are left out; the ones kept are compared with the whole Thai, as the check compares a
 * rendering whose paragraphs do not line up, so an English that renders part of the Thai is fine.
 */
function renderingParagraphs(thai: string[], english: string[], weight: (anchor: string) => number): Pick<CorpusPair, 'english' | 'unaligned'> {
  const thaiAnchors = thai.map((paragraph) => anchorsOf(paragraph, false));
  const rendering = english.filter((paragraph) => {
    const anchors = [...anchorsOf(paragraph, true)];
    return thaiAnchors.some((candidates) => anchors.reduce((sum, anchor) => sum + (candidates.has(anchor) ? weight(anchor) : 0), 0) >= MIN_PARAGRAPH_WEIGHT);
  });
  return { english: rendering, unaligned: english.length - rendering.length };
}

const sectionName = (section: Section) => (section.index === null ? section.file : `${section.file} §${section.index}`);

export function findCorpusPairs(corpusDir: string): CorpusPair[] {
  const { sections, lines } = readSections(corpusDir);
  const thaiSections = sections.filter((section) => !section.english);
  const englishSections = sections.filter((section) => section.english);

  // An anchor tells stories apart when it is rare in both languages: "the" or "3" is not, "EAEU" or "222.95" is.
  const rarity = (group: Section[]) => {
    const frequency = new Map<string, number>();
    for (const section of group) for (const anchor of section.anchors) frequency.set(anchor, (frequency.get(anchor) ?? 0) + 1);
    return (anchor: string) => Math.max(0, Math.log(group.length / (1 + (frequency.get(anchor) ?? 0))));
  };
  const [thaiRarity, englishRarity] = [rarity(thaiSections), rarity(englishSections)];
  const weight = (anchor: string) => Math.min(thaiRarity(anchor), englishRarity(anchor));
  const score = (english: Section, thai: Section) => [...english.anchors].reduce((sum, anchor) => sum + (thai.anchors.has(anchor) ? weight(anchor) : 0), 0);
  // The Thai of the same days that gives the day of the English's dateline, when it has one.
  const inWindow = (english: Section, thai: Section) =>
    thai.day >= english.day - DAYS_AFTER * DAY && thai.day <= english.day + DAYS_BEFORE * DAY && (!english.dateline || thai.itemDates.has(english.dateline));

  const bestThai = new Map<Section, { thai: Section; score: number; runnerUp: number }>();
  const bestEnglish = new Map<Section, { english: Section; score: number }>();
  for (const english of englishSections) {
    let best: { thai: Section; score: number } | null = null;
    let runnerUp = 0;
    for (const thai of thaiSections) {
      if (!inWindow(english, thai)) continue;
      const value = score(english, thai);
      if (!best || value > best.score) {
        runnerUp = Math.max(runnerUp, best?.score ?? 0);
        best = { thai, score: value };
      } else runnerUp = Math.max(runnerUp, value);
      const current = bestEnglish.get(thai);
      if (!current || value > current.score) bestEnglish.set(thai, { english, score: value });
    }
    if (best) bestThai.set(english, { ...best, runnerUp });
  }

  const pairs: CorpusPair[] = [];
  const usedThai = new Set<string>();
  const numberShare = (english: Section, thai: Section) => {
    const numbers = [...english.anchors].filter((anchor) => anchor.startsWith('number '));
    const total = numbers.reduce((sum, anchor) => sum + weight(anchor), 0);
    return total === 0 ? 0 : numbers.reduce((sum, anchor) => sum + (thai.anchors.has(anchor) ? weight(anchor) : 0), 0) / total;
  };
  for (const [english, { thai, score: value, runnerUp }] of bestThai) {
    if (bestEnglish.get(thai)?.english !== english) continue;
    if (value < MIN_SCORE || value - runnerUp < MIN_LEAD) continue;
    const numbers = numberShare(english, thai);
    if (numbers < MIN_NUMBER_SHARE) continue;
    usedThai.add(thai.file);
    pairs.push({
      name: `${sectionName(thai)} ↔ ${sectionName(english)}`,
      thaiFile: thai.file,
      englishFile: english.file,
      thai: thai.paragraphs,
      ...renderingParagraphs(thai.paragraphs, english.paragraphs, weight),
      score: value,
      runnerUp,
      numbers,
    });
  }

  for (const thai of thaiSections) {
    if (thai.index !== null || usedThai.has(thai.file)) continue;
    const parts = bilingualParts(lines.get(thai.file)!);
    if (!parts) continue;
    const thaiNumbers = significant(numberValues(parts.thai.join('\n')));
    const englishNumbers = significant(numberValues(parts.english.join('\n')));
    if (englishNumbers.size > 0 && sharedCount(englishNumbers, thaiNumbers) / englishNumbers.size < 0.6) continue;
    // A rendering, not a few English lines at the end (contact channels, a link list): a third of the Thai's length at least.
    if (parts.english.join('').length < parts.thai.join('').length / 3) continue;
    pairs.push({
      name: `${thai.file} (bilingual)`,
      thaiFile: thai.file,
      englishFile: thai.file,
      thai: parts.thai,
      ...renderingParagraphs(parts.thai, parts.english, weight),
      score: 0,
      runnerUp: 0,
      numbers: 1,
    });
  }
  return pairs;
}
