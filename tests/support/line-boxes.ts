import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Page } from 'playwright-core';
import { buildLexicon, keptWords } from '../../src/lib/thai-lines.ts';

/** A story file's lexicon, computed the way the content loader does, from the file itself. */
export function lexiconOfFile(path: string): string[] {
  const { frontmatter, content } = parseFrontmatter(readFileSync(path, 'utf8'), { frontmatter: 'empty-with-spaces' });
  const data = frontmatter as { title: string; summary: string; tags?: string[] };
  return buildLexicon([data.title, data.summary, content], data.tags ?? []);
}

export interface LineCheck {
  /** Lexicon words found in the elements, and those that a line break cut in two. */
  words: number;
  split: string[];
  /** Repeat marks ๆ found, and those that started a line. */
  repeatMarks: number;
  repeatMarkStarts: number;
}

/**
 * Lays out the elements matched by `selector` as they are and reads, from the line box each character
 * landed in, whether a lexicon word spans two lines or a line starts with ๆ. Word joiners are left out
 * of the text the words are looked for in; they are not what the reader sees.
 */
export async function checkLines(page: Page, selector: string, lexicon: readonly string[]): Promise<LineCheck> {
  const laidOut = await page.evaluate((selector) => {
    const out: { text: string; lines: number[] }[] = [];
    for (const element of document.querySelectorAll(selector)) {
      // The visible characters of the element, each with the top of the line box it sits in (null: no box, a mark or joiner).
      const chars: { ch: string; top: number | null }[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\u2060') continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          chars.push({ ch: text[i]!, top: rects.length > 0 ? rects[0]!.top : null });
        }
      }
      // Line number of every character: a new line starts where the box top jumps down by more than half a line.
      const lines: number[] = [];
      let line = 0;
      let lastTop: number | null = null;
      const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 24;
      for (const { top } of chars) {
        if (top !== null) {
          if (lastTop !== null && top > lastTop + lineHeight / 2) line += 1;
          lastTop = top;
        }
        lines.push(top === null ? -1 : line);
      }
      out.push({ text: chars.map((c) => c.ch).join(''), lines });
    }
    return out;
  }, selector);
  const result: LineCheck = { words: 0, split: [], repeatMarks: 0, repeatMarkStarts: 0 };
  for (const { text, lines } of laidOut) {
    // The words the site keeps whole, found as the site finds them.
    for (const { index, word } of keptWords(text, lexicon)) {
      result.words += 1;
      const spanned = new Set(lines.slice(index, index + word.length).filter((n) => n >= 0));
      if (spanned.size > 1) result.split.push(word);
    }
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== 'ๆ') continue;
      result.repeatMarks += 1;
      let before = i - 1;
      while (before >= 0 && (lines[before] === -1 || /\s/.test(text[before]!))) before -= 1;
      if (before >= 0 && lines[before] !== lines[i]) result.repeatMarkStarts += 1;
    }
  }
  return result;
}

/** Lets kept words break again (CSSOM, which the page's CSP allows): what the reader saw before. */
export function releaseKeptWords(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const span of document.querySelectorAll<HTMLElement>('.keep-word')) span.style.display = 'inline';
  });
}
