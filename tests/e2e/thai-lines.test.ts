import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/build-site.ts';
import { launchChromium } from '../support/browser.ts';
import { CORPUS_WAIT_MS, waitForCorpusSite } from '../support/corpus.ts';
import { addLines, checkLines, emptyCheck, lexiconOfFile, measureCorpusLines, releaseKeptWords, siteWordsOf } from '../support/line-boxes.ts';

/**
 * Thai line breaking in Chromium, measured from line boxes: no word of a story's lexicon (names and
 * loanwords the browser's dictionary splits) is cut across two lines, and no line starts with ๆ.
 * Hand-picked: the Putin seed story at every phone width from 320 to 430 px. Generated: the headline
 * and first paragraph of corpus stories at 390 and 1366 px, a sample here (npm run bench:lines
 * measures 300 or more).
 */
const CORPUS_STORIES = 100;

const seedUrl = inject('seedUrl');
const corpusUrl = inject('corpusUrl');
const corpusContentDir = inject('corpusContentDir');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Thai line breaking', () => {
  it('keeps the names of the Putin story whole at every phone width (hand-picked)', async () => {
    const slug = 'putin-praises-russia-myanmar-ties';
    const lexicon = lexiconOfFile(join(projectRoot, 'content/articles', slug, 'th.mdx'), siteWordsOf(join(projectRoot, 'content/articles')));
    expect(lexicon).toEqual(expect.arrayContaining(['ปูติน', 'เมียนมา']));
    const page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await page.goto(`${seedUrl}/th/articles/${slug}/`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const kept = emptyCheck();
    const released = emptyCheck();
    for (let width = 320; width <= 430; width += 5) {
      await page.setViewportSize({ width, height: 800 });
      addLines(kept, await checkLines(page, 'main h1, [data-summary], [data-body] p', lexicon));
    }
    await releaseKeptWords(page);
    for (let width = 320; width <= 430; width += 5) {
      await page.setViewportSize({ width, height: 800 });
      addLines(released, await checkLines(page, 'main h1, [data-summary], [data-body] p', lexicon));
    }
    console.log(
      `[thai-lines] seed story, 23 widths: ${kept.words} lexicon words, ${kept.split.length} split; without keeping them whole ${released.split.length} split`,
    );
    expect(kept.split).toEqual([]);
    // The measurement sees a split when there is one.
    expect(released.split.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('keeps a word of the site’s word list whole in a story its own text does not teach it (hand-picked)', async () => {
    // The story says เครือข่าย once, bare: its own text gives no sign that the word is one.
    const slug = 'govt-aims-place-thailand-top-5-destinations-muslim';
    const file = join(projectRoot, 'content/articles/sample', slug, 'th.mdx');
    const siteWords = siteWordsOf(join(projectRoot, 'content/articles'));
    expect(lexiconOfFile(file)).not.toContain('เครือข่าย');
    const lexicon = lexiconOfFile(file, siteWords);
    expect(lexicon).toContain('เครือข่าย');
    const page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await page.goto(`${seedUrl}/th/articles/${slug}/`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const kept = emptyCheck();
    for (let width = 320; width <= 430; width += 10) {
      await page.setViewportSize({ width, height: 800 });
      addLines(kept, await checkLines(page, 'main h1, [data-summary], [data-body] p', lexicon));
    }
    expect(kept.words).toBeGreaterThan(0);
    expect(kept.split).toEqual([]);
    // The page sets the list's word apart to keep it whole: what the line boxes above measured.
    expect(await page.locator('[data-body] .keep-word', { hasText: /^เครือข่าย$/ }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it.skipIf(!corpusUrl)(
    `keeps lexicon words whole and never starts a line with ๆ in ${CORPUS_STORIES} corpus stories at 390 and 1366 px (generated)`,
    async () => {
      await waitForCorpusSite();
      const widths = [390, 1366];
      const { stories, byWidth, released } = await measureCorpusLines(browser, corpusUrl, join(corpusContentDir, 'articles'), CORPUS_STORIES, widths);
      expect(stories).toBe(CORPUS_STORIES);
      for (const width of widths) {
        const t = byWidth[width]!;
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
