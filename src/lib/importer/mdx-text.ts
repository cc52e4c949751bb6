/**
 * Turns a paragraph of plain text into MDX that renders exactly that text: nothing in it can become
 * markup, a JSX tag, an expression or an ESM statement. Plain prose (Thai, quotes, dots, brackets)
 * stays untouched so editors can still read and edit the file.
 */
export function escapeMdxText(text: string): string {
  let out = text
    // Backslash first, so the escapes added below are not doubled.
    .replace(/\\/g, '\\\\')
    // MDX expressions and JSX, and Markdown's inline markup: emphasis, code, links, strikethrough, tables.
    .replace(/[{}<>`*_[\]~|]/g, (c) => `\\${c}`)
    // Something that looks like an HTML entity would be decoded; keep the ampersand literal.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  // Block-level markup only counts at the start of a line.
  out = out
    .split('\n')
    .map((line) =>
      line
        .replace(/^(import|export)\b/, (word) => `&#${word.charCodeAt(0)};${word.slice(1)}`)
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3'),
    )
    .join('\n');
  return out;
}
