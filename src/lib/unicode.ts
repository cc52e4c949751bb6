/**
 * Text as a story may hold it: valid UTF-8, no control characters, no direction control left open.
 * Shared by the content loader (story files) and the importer (plain-text inputs).
 */

/**
 * Characters that carry no visible text but change matching, line breaking or direction:
 * BOM, zero-width space/joiners, word joiner, soft hyphen, bidi marks, embeddings, overrides and isolates.
 */
export const INVISIBLE = /\uFEFF|\u200B|\u200C|\u200D|\u2060|\u00AD|[\u202A-\u202E]|[\u2066-\u2069]|\u200E|\u200F/g;

/** Where something is in a text: 1-based line and column (in characters). */
export interface TextPosition {
  line: number;
  column: number;
}

function positionOf(text: string, index: number): TextPosition {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/** Length of the UTF-8 sequence starting at bytes[i] if it is well formed (RFC 3629), else 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlong forms (E0 A0..) and no UTF-16 surrogates (ED 80..9F).
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; position: TextPosition; bytes: string; offset: number };

/**
 * Decodes UTF-8 strictly. A decoder that replaces bad bytes with U+FFFD would publish "�" without a
 * word; this says where the first bad byte is instead.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    let i = 0;
    while (i < bytes.length) {
      const length = sequenceLength(bytes, i);
      if (length === 0) break;
      i += length;
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, i));
    const shown = [...bytes.subarray(i, i + 4)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return { ok: false, position: positionOf(before, before.length), bytes: shown, offset: i };
  }
}

/**
 * C0 controls other than tab and line breaks, and DEL: never text, a sign of a damaged file. (C1
 * controls are left alone: real press releases carry U+009F as a bullet, and they show as nothing.)
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The first control character in a text, with its position and code (e.g. "U+0000"), or null. */
export function findControlCharacter(text: string): (TextPosition & { code: string }) | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { ...positionOf(text, match.index), code };
}

const OPENERS: Record<string, 'embedding' | 'isolate'> = {
  '\u202A': 'embedding', // LRE
  '\u202B': 'embedding', // RLE
  '\u202D': 'embedding', // LRO
  '\u202E': 'embedding', // RLO
  '\u2066': 'isolate', // LRI
  '\u2067': 'isolate', // RLI
  '\u2068': 'isolate', // FSI
};
const CLOSERS: Record<string, 'embedding' | 'isolate'> = { '\u202C': 'embedding', '\u2069': 'isolate' };

/**
 * Keeps direction controls that come in pairs (an English name inside Thai, marked on purpose) and
 * removes the rest: an override left open would reverse the rest of a headline, and one that reaches
 * the end of a string would leak into whatever the page prints after it. Returns the indexes removed.
 */
export function balanceBidi(text: string): { text: string; removed: number[] } {
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return { text, removed: [] };
  const drop = new Set<number>();
  const open: { index: number; kind: 'embedding' | 'isolate' }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const opens = OPENERS[c];
    const closes = CLOSERS[c];
    if (opens) open.push({ index: i, kind: opens });
    else if (closes) {
      // Unicode's rule: a closer matches the nearest open control of its kind; what it skips is closed too.
      const match = open.findLastIndex((o) => o.kind === closes);
      if (match === -1) drop.add(i);
      else {
        // The first is the pair's opener, kept; controls opened inside it and never closed are dropped.
        const [, ...inside] = open.splice(match);
        for (const o of inside) drop.add(o.index);
      }
    } else if (c === '\n' || c === '\u2029') {
      // A paragraph break ends every control in Unicode's algorithm, but not in HTML, where a line is not a paragraph.
      for (const o of open.splice(0)) drop.add(o.index);
    }
  }
  for (const o of open) drop.add(o.index);
  if (drop.size === 0) return { text, removed: [] };
  let out = '';
  for (let i = 0; i < text.length; i++) if (!drop.has(i)) out += text[i];
  return { text: out, removed: [...drop].sort((a, b) => a - b) };
}

/** balanceBidi over every string in a parsed value (frontmatter): the value with controls balanced, and how many were removed. */
export function balanceBidiDeep(value: unknown): { value: unknown; removed: number } {
  let removed = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const balanced = balanceBidi(v);
      removed += balanced.removed.length;
      return balanced.text;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return { value: walk(value), removed };
}
