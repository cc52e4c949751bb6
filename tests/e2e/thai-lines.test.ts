import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/build-site.ts';
import { launchChromium } from '../support/browser.ts';
import { CORPUS_WAIT_MS, waitForCorpusSite } from '../support/corpus.ts';
import { checkLines, lexiconOfFile, releaseKeptWords, type LineCheck } from '../support/line-boxes.ts';

/**
 * Thai line breaking in Chromium, measured from line boxes: no word of a story's lexicon (names and
 * loanwords the browser's dictionary splits) is cut across two lines, and no line starts with ๆ.
 * Hand-picked: the Putin seed story at every phone width from 320 to 430 px. Generated: the headline
 * and first paragraph of 300 corpus stories at 390 and 1366 px.
 */

const seedUrl = inject('seedUrl');
const corpusUrl = inject('corpusUrl');
const corpusContentDir = inject('corpusContentDir');
const HEADLINE_AND_LEAD = 'main h1, [data-body] > p:first-of-type';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function add(total: LineCheck, one: LineCheck): void {
  total.words += one.words;
  total.split.push(...one.split);
  total.repeatMarks += one.repeatMarks;
  total.repeatMarkStarts += one.repeatMarkStarts;
}
const empty = (): LineCheck => ({ words: 0, split: [], repeatMarks: 0, repeatMarkStarts: 0 });

describe('Thai line breaking', () => {
  it('keeps the names of the Putin story whole at every phone width (hand-picked)', async () => {
    const slug = 'putin-praises-russia-myanmar-ties';
    const lexicon = lexiconOfFile(join(projectRoot, 'content/articles', slug, 'th.mdx'));
    expect(lexicon).toEqual(expect.arrayContaining(['ปูติน', 'เมียนมา']));
    const page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await page.goto(`${seedUrl}/th/articles/${slug}/`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const kept = empty();
    const released = empty();
    for (let width = 320; width <= 430; width += 5) {
      await page.setViewportSize({ width, height: 800 });
      add(kept, await checkLines(page, 'main h1, [data-summary], [data-body] p', lexicon));
    }
    await releaseKeptWords(page);
    for (let width = 320; width <= 430; width += 5) {
      await page.setViewportSize({ width, height: 800 });
      add(released, await checkLines(page, 'main h1, [data-summary], [data-body] p', lexicon));
    }
    console.log(
      `[thai-lines] seed story, 23 widths: ${kept.words} lexicon words, ${kept.split.length} split; without keeping them whole ${released.split.length} split`,
    );
    expect(kept.split).toEqual([]);
    // The measurement sees a split when there is one.
    expect(released.split.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it.skipIf(!corpusUrl)(
    'keeps lexicon words whole and never starts a line with ๆ in 300 corpus stories at 390 and 1366 px (generated)',
    async () => {
      await waitForCorpusSite();
      const articles = join(corpusContentDir, 'articles');
      const thai = readdirSync(articles, { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('th.mdx'))
        .sort();
      const step = Math.max(1, Math.floor(thai.length / 300));
      const sample = thai.filter((_, i) => i % step === 0).slice(0, 300);
      expect(sample.length).toBe(300);
      const widths = [390, 1366];
      const totals = Object.fromEntries(widths.map((w) => [w, empty()])) as Record<number, LineCheck>;
      const released = empty();
      const check = async (page: Page, path: string, i: number) => {
        const slug = path.split('/').at(-2)!;
        const lexicon = lexiconOfFile(join(articles, path));
        await page.setViewportSize({ width: widths[0]!, height: 900 });
        await page.goto(`${corpusUrl}/th/articles/${slug}/`);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        for (const width of widths) {
          await page.setViewportSize({ width, height: 900 });
          add(totals[width]!, await checkLines(page, HEADLINE_AND_LEAD, lexicon));
        }
        // The control (the measurement sees splits when words are not kept whole) needs fewer stories.
        if (i % 5 !== 0) return;
        await releaseKeptWords(page);
        await page.setViewportSize({ width: 390, height: 900 });
        add(released, await checkLines(page, HEADLINE_AND_LEAD, lexicon));
      };
      // Two pages side by side: the test mostly waits for layout, and Chromium lays out in its own processes.
      const lanes = 2;
      await Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          const page: Page = await (await browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
          for (let i = lane; i < sample.length; i += lanes) await check(page, sample[i]!, i);
          await page.context().close();
        }),
      );
      for (const width of widths) {
        const t = totals[width]!;
        console.log(
          `[thai-lines] corpus, ${width} px: ${t.words} lexicon words, ${t.split.length} split; ${t.repeatMarks} ๆ, ${t.repeatMarkStarts} starting a line`,
        );
        expect(t.split, `${width} px`).toEqual([]);
        expect(t.repeatMarkStarts, `${width} px`).toBe(0);
      }
      console.log(`[thai-lines] corpus, 390 px, without keeping words whole (every 5th story): ${released.split.length} of ${released.words} split`);
      expect(released.split.length).toBeGreaterThan(0);
    },
    600_000 + CORPUS_WAIT_MS,
  );
});
