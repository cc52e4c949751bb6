import type { Lang } from '../i18n/languages.ts';
import { bangkokMidnightIso, findThaiDate } from '../thai-calendar.ts';
import { cleanText, detectLanguage } from './clean.ts';

/** One language version of a story as found in a plain-text file. */
export interface ParsedVersion {
  lang: Lang;
  title: string;
  paragraphs: string[];
  image?: { caption: string; credit: string };
  related: { title: string; summary?: string }[];
}

export interface ParsedStory {
  layout: 'thaigov' | 'seed';
  /** The original first, then a rendering in the other language if the file has one. */
  versions: ParsedVersion[];
  /** ISO timestamp with +07:00, when the text dates itself. */
  published?: string;
  sourceUrl?: string;
  /** The issuing office named at the end of a press release. */
  office?: string;
}

export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
  }
}

const THAIGOV_PREFIX = /^รัฐบาลไทย-(?:ข่าวทำเนียบรัฐบาล-)?/;
const THAI_DATE_LINE = /^วัน\S*ที่\s*\d{1,2}\s+\S+\s+\d{4}$/;
const SLASH_DATE_LINE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
const PRINT_LINE = 'พิมพ์';
const SOURCE_LINE = /^ที่มา\s*:\s*(\S+)\s*$/;
/** A rule between the body and the office credit: -----, *****, _____, +++++ (sometimes with a date after it). */
const SEPARATOR_LINE = /^[-*_+=.]{3,}(?:\s+.*)?$/;
const RELATED_HEADINGS = new Set(['ข่าวที่เกี่ยวข้อง', 'related news', 'related stories']);
/**
 * A line that is only a date, optionally with the day name and a time: "วันพฤหัสบดีที่ 16 พฤษภาคม 2567",
 * "16 พ.ค. 2567 เวลา 17.00 น.". It dates the story; it is not a paragraph.
 */
const DATE_ONLY_LINE = /^(?:วัน\S*ที่\s*)?\d{1,2}\s*\S+\s*(?:พ\.ศ\.\s*)?\d{4}(?:\s*(?:เวลา\s*)?(\d{1,2})[.:](\d{2})\s*(?:น\.|นาฬิกา)?)?$/u;
/** "(Photo by X)", "(ภาพ: X)", "(Credit: X)" ending a caption line. */
const PHOTO_CREDIT = /\s*\((?:Photo(?:\s+by)?|ภาพ(?:โดย)?|Credit)\s*:?\s*([^()]+)\)\s*$/i;

/** Whether two lines are the same text with small edits (ignoring spaces): their shared prefix and suffix cover 80% of the longer. */
function nearlySame(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  if (!x || !y) return false;
  if (x === y) return true;
  let prefix = 0;
  while (prefix < x.length && x[prefix] === y[prefix]) prefix++;
  let suffix = 0;
  while (suffix < x.length - prefix && suffix < y.length - prefix && x[x.length - 1 - suffix] === y[y.length - 1 - suffix]) suffix++;
  return (prefix + suffix) / Math.max(x.length, y.length) >= 0.8;
}

export function isThaigovLayout(lines: string[]): boolean {
  return THAIGOV_PREFIX.test(lines[0] ?? '') && lines.slice(1, 8).some((l) => THAI_DATE_LINE.test(l));
}

function parseThaigov(lines: string[]): ParsedStory {
  const title = lines[0]!.replace(THAIGOV_PREFIX, '').trim();
  if (!title) throw new ParseError('the first line has the thaigov prefix but no title after it');
  let i = 1;
  while (i < lines.length && !THAI_DATE_LINE.test(lines[i]!)) i++;
  const date = findThaiDate(lines[i] ?? '');
  if (!date) throw new ParseError(`the date line "${lines[i] ?? ''}" is not a Thai calendar date`);
  i++;
  const rest = lines.slice(i).filter((l) => l !== '');
  let start = 0;
  while (start < rest.length && (SLASH_DATE_LINE.test(rest[start]!) || rest[start] === PRINT_LINE)) start++;
  // The title is repeated (sometimes slightly edited) before the body; a dek may be repeated too.
  while (start < rest.length && nearlySame(rest[start]!, title)) start++;
  const body = rest.slice(start);

  let sourceUrl: string | undefined;
  const sourceIndex = body.findLastIndex((l) => SOURCE_LINE.test(l));
  if (sourceIndex !== -1) {
    sourceUrl = SOURCE_LINE.exec(body[sourceIndex]!)![1];
    body.splice(sourceIndex, 1);
  }
  let office: string | undefined;
  const separatorIndex = body.findLastIndex((l) => SEPARATOR_LINE.test(l));
  if (separatorIndex !== -1) {
    const after = body.slice(separatorIndex + 1);
    // A short credit after the rule is the issuing office; anything longer stays part of the story.
    if (after.length > 0 && after.length <= 2 && after.every((l) => l.length <= 120)) office = after.join(' ');
    body.splice(separatorIndex, body.length - separatorIndex, ...(office ? [] : after));
  }
  const paragraphs = dropRepeatedLines(body);
  if (paragraphs.length === 0) throw new ParseError('the story has a title but no body paragraphs');
  return {
    layout: 'thaigov',
    versions: [{ lang: detectLanguage(title + ' ' + paragraphs.join(' ')), title, paragraphs, related: [] }],
    published: bangkokMidnightIso(date),
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(office ? { office } : {}),
  };
}

/** Removes a line that the next line repeats or extends (the thaigov pages print a dek twice). */
function dropRepeatedLines(lines: string[]): string[] {
  return lines.filter((line, i) => {
    const next = lines[i + 1];
    return !(next !== undefined && (next === line || (line.length > 40 && next.startsWith(line))));
  });
}

function parseVersion(lines: string[], lang: Lang): ParsedVersion {
  const [title, ...rest] = lines;
  if (!title) throw new ParseError('a language part of the file is empty');
  const version: ParsedVersion = { lang, title, paragraphs: [], related: [] };
  let body = rest;
  const credit = body[0] ? PHOTO_CREDIT.exec(body[0]) : null;
  if (credit && body[0]) {
    version.image = { caption: body[0].slice(0, credit.index).trim(), credit: credit[1]!.trim() };
    body = body.slice(1);
  }
  const relatedIndex = body.findIndex((l) => RELATED_HEADINGS.has(l.trim().toLowerCase()));
  if (relatedIndex !== -1) {
    const items = body.slice(relatedIndex + 1);
    for (let k = 0; k < items.length; k += 2) {
      const summary = items[k + 1];
      version.related.push(summary ? { title: items[k]!, summary } : { title: items[k]! });
    }
    body = body.slice(0, relatedIndex);
  }
  version.paragraphs = body;
  if (version.paragraphs.length === 0) throw new ParseError(`the ${lang === 'th' ? 'Thai' : 'English'} part has a title but no paragraphs`);
  return version;
}

/** The Bangkok timestamp of a line that holds nothing but a date (and maybe a time), else null. */
function dateOnlyLine(line: string): string | null {
  const match = DATE_ONLY_LINE.exec(line.trim());
  const date = match ? findThaiDate(line) : null;
  if (!match || !date) return null;
  const [hours, minutes] = [Number(match[1] ?? 0), Number(match[2] ?? 0)];
  if (hours > 23 || minutes > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return bangkokMidnightIso(date).replace('T00:00', `T${pad(hours)}:${pad(minutes)}`);
}

/** The seed layout: title, optional photo caption with credit, paragraphs, related news; maybe followed by a rendering. */
function parseSeed(lines: string[]): ParsedStory {
  // A date on a line of its own dates the story (the first such line wins) and is not a paragraph.
  const dated = lines.map(dateOnlyLine);
  const dateLine = dated.find((date) => date !== null);
  const content = lines.filter((l, i) => l !== '' && dated[i] === null);
  if (content.length === 0) throw new ParseError('the file is empty');
  // Split where the language changes: a Thai text followed by its English rendering, or the other way round.
  const runs: { lang: Lang; lines: string[] }[] = [];
  for (const line of content) {
    const lang = detectLanguage(line);
    const last = runs.at(-1);
    if (last && last.lang === lang) last.lines.push(line);
    else runs.push({ lang, lines: [line] });
  }
  // Only a closing block of at least a title and a paragraph in the other language is a rendering;
  // a short run in the other language inside a text (a quote, a name) belongs to the text.
  const last = runs.at(-1)!;
  const hasRendering = runs.length > 1 && last.lang !== runs[0]!.lang && last.lines.length >= 2;
  const originalLines = (hasRendering ? runs.slice(0, -1) : runs).flatMap((r) => r.lines);
  const parts = [{ lang: runs[0]!.lang, lines: originalLines }, ...(hasRendering ? [last] : [])];
  const versions = parts.map((part) => parseVersion(part.lines, part.lang));
  const date = findThaiDate(versions[0]!.paragraphs.join('\n'));
  const published = dateLine ?? (date ? bangkokMidnightIso(date) : undefined);
  return { layout: 'seed', versions, ...(published ? { published } : {}) };
}

/** Parses one plain-text story. Throws ParseError with the reason when the text is not a story. */
export function parseStory(raw: string): ParsedStory {
  const lines = cleanText(raw).split('\n');
  while (lines.length > 0 && lines[0] === '') lines.shift();
  if (lines.length === 0) throw new ParseError('the file is empty');
  return isThaigovLayout(lines) ? parseThaigov(lines) : parseSeed(lines);
}
