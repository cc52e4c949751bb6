import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readLexiconTexts } from '../../src/lib/importer/article-file.ts';
import { buildLexicon, keptWords } from '../../src/lib/thai-lines.ts';
import { readWordListFile, WORD_LIST_FILE } from '../../src/lib/word-list.ts';

/** A story file's lexicon, computed the way the content loader does, from the file itself and the site's word list. */
export function lexiconOfFile(path: string, siteWords: ReadonlySet<string> = new Set()): string[] {
  const { texts, tags } = readLexiconTexts(readFileSync(path, 'utf8'));
  return buildLexicon(texts, tags, siteWords);
}

/** The site's word list beside an articles folder (content/words.txt), as the content loader reads it. */
export function siteWordsOf(articlesDir: string): Set<string> {
  return readWordListFile(join(articlesDir, '..', WORD_LIST_FILE)).words;
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

export interface CorpusLines {
  stories: number;
  /** Per width: lexicon words, splits and repeat marks, over the headline and first paragraph of each story. */
  byWidth: Record<number, LineCheck>;
  /** The control, every fifth story at the first width with the words let go: the measurement sees splits. */
  released: LineCheck;
}

const HEADLINE_AND_LEAD = 'main h1, [data-body] > p:first-of-type';
export const emptyCheck = (): LineCheck => ({ words: 0, split: [], repeatMarks: 0, repeatMarkStarts: 0 });
export function addLines(total: LineCheck, one: LineCheck): void {
  total.words += one.words;
  total.split.push(...one.split);
  total.repeatMarks += one.repeatMarks;
  total.repeatMarkStarts += one.repeatMarkStarts;
}

/**
 * Thai line breaking over a built site of imported stories: `count` Thai stories taken evenly from
 * `articlesDir` (the content the site was built from), each story's headline and first paragraph laid
 * out at each width. The e2e test runs a sample; npm run bench:lines runs more.
 */
export async function measureCorpusLines(
  browser: Browser,
  siteUrl: string,
  articlesDir: string,
  count: number,
  widths: readonly number[],
): Promise<CorpusLines> {
  const thai = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('th.mdx'))
    .sort();
  const step = Math.max(1, Math.floor(thai.length / count));
  const sample = thai.filter((_, i) => i % step === 0).slice(0, count);
  const byWidth = Object.fromEntries(widths.map((w) => [w, emptyCheck()])) as Record<number, LineCheck>;
  const released = emptyCheck();
  const siteWords = siteWordsOf(articlesDir);
  const check = async (page: Page, path: string, i: number) => {
    const slug = path.split('/').at(-2)!;
    const lexicon = lexiconOfFile(join(articlesDir, path), siteWords);
    await page.setViewportSize({ width: widths[0]!, height: 900 });
    await page.goto(`${siteUrl}/th/articles/${slug}/`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      addLines(byWidth[width]!, await checkLines(page, HEADLINE_AND_LEAD, lexicon));
    }
    if (i % 5 !== 0) return;
    await releaseKeptWords(page);
    await page.setViewportSize({ width: widths[0]!, height: 900 });
    addLines(released, await checkLines(page, HEADLINE_AND_LEAD, lexicon));
  };
  // Two pages side by side: the work is mostly waiting for layout, which Chromium does in its own processes.
  const lanes = 2;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const page = await (await browser.newContext({ viewport: { width: widths[0]!, height: 900 } })).newPage();
      for (let i = lane; i < sample.length; i += lanes) await check(page, sample[i]!, i);
      await page.context().close();
    }),
  );
  return { stories: sample.length, byWidth, released };
}
