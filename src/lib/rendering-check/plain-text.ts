import { compareLocatedParagraphs } from './check.ts';
import type { Finding, Span } from './types.ts';

/** thaigov.go.th items start with this before their title. */
export const CORPUS_TITLE_PREFIX = 'รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-';

const INVISIBLE_EDGES = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (const match of text.matchAll(/[^\r\n]*/g)) {
    if (match[0].length === 0 && match.index > 0 && /[\r\n]/.test(text[match.index - 1] ?? '')) {
      lines.push({ text: '', start: match.index });
      continue;
    }
    lines.push({ text: match[0], start: match.index });
  }
  return lines;
}

function trimmedSpan(line: Line): Span | null {
  const leading = line.text.length - line.text.replace(/^[\s\u200b\ufeff]+/, '').length;
  const text = line.text.replace(INVISIBLE_EDGES, '');
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  return { text, start: line.start + leading, end: line.start + leading + text.length };
}

/** Header lines of a corpus item: its date in Thai, "dd/mm/yyyy", "พิมพ์" (print). */
function isHeaderLine(text: string): boolean {
  return /^วัน\S*ที่\s*\d{1,2}\s+\S+\s+\d{4}$/u.test(text) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) || text === 'พิมพ์';
}

/** The trailer starts at a rule ("-----", "*****") or the source line ("ที่มา : URL"). */
function isTrailerStart(text: string): boolean {
  return /^[-*_=]{3,}/.test(text) || /^ที่มา\s*:/u.test(text);
}

/**
 * Paragraphs of a plain text file, one per non-blank line, with offsets into the file. A thaigov corpus
 * item loses its header (the title stays as paragraph 0, its repeats go) and its trailer.
 */
export function plainTextParagraphs(text: string): Span[] {
  const lines = linesOf(text);
  const first = lines.find((line) => line.text.trim().length > 0);
  if (!first || !first.text.replace(INVISIBLE_EDGES, '').startsWith(CORPUS_TITLE_PREFIX)) {
    return lines.map(trimmedSpan).filter((span): span is Span => span !== null);
  }
  const prefixAt = first.text.indexOf(CORPUS_TITLE_PREFIX) + CORPUS_TITLE_PREFIX.length;
  const title = trimmedSpan({ text: first.text.slice(prefixAt), start: first.start + prefixAt });
  const paragraphs: Span[] = title ? [title] : [];
  let inHeader = true;
  for (const line of lines.slice(lines.indexOf(first) + 1)) {
    if (isTrailerStart(line.text.replace(INVISIBLE_EDGES, ''))) break;
    const span = trimmedSpan(line);
    if (!span) continue;
    if (inHeader && (isHeaderLine(span.text) || span.text === title?.text)) continue;
    inHeader = false;
    paragraphs.push(span);
  }
  return paragraphs;
}

/**
 * Checks two plain text files (corpus items or simple one-paragraph-per-line texts). Offsets in the findings
 * are into the file texts as given; `paragraph` is null when the story had to be compared as a whole.
 */
export function checkPlainTexts(thaiFile: string, englishFile: string): Finding[] {
  return compareLocatedParagraphs(plainTextParagraphs(thaiFile), plainTextParagraphs(englishFile));
}
