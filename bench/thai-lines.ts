/**
 * npm run bench:lines [-- --stories 300 --site DIR --content DIR --keep]
 *
 * Thai line breaking at corpus scale: the thaigov corpus imported with the real importer and built with
 * the real build, then in Chromium the headline and first paragraph of `--stories` Thai stories at 390
 * and 1366 px, measured from line boxes as the e2e test measures its sample (tests/support/line-boxes.ts):
 * lexicon words cut across two lines, and lines that start with ๆ; and the control (the words let go).
 * Prints a table and writes bench/results/thai-lines-<timestamp>.json.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/support/browser.ts';
import { projectRoot } from '../tests/support/build-site.ts';
import { haveCorpus, noCorpusMessage } from '../tests/support/corpus.ts';
import { measureCorpusLines } from '../tests/support/line-boxes.ts';
import { corpusSite } from './search.ts';
import { serveCompressed } from './support/compressing-server.ts';
import { gitState, pass, table, timestamp } from './support/stats.ts';

const WIDTHS = [390, 1366];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stories: { type: 'string', default: '300' },
      site: { type: 'string' },
      content: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  if (!haveCorpus) throw new Error(noCorpusMessage);
  const work = join(projectRoot, 'bench/results', `work-lines-${process.pid}`);
  const { siteDir, contentRoot } = await corpusSite(values, work);
  const server = await serveCompressed(siteDir);
  const browser = await launchChromium();
  const started = performance.now();
  const measured = await measureCorpusLines(browser, server.url, join(contentRoot, 'articles'), Number(values.stories), WIDTHS).finally(async () => {
    await browser.close();
    await server.close();
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = WIDTHS.map((width) => {
    const t = measured.byWidth[width]!;
    return [`${width} px`, t.words, t.split.length, t.repeatMarks, t.repeatMarkStarts, pass(t.split.length === 0 && t.repeatMarkStarts === 0)];
  });
  const c = measured.released;
  rows.push([`${WIDTHS[0]} px, words let go (every 5th story, control)`, c.words, c.split.length, c.repeatMarks, c.repeatMarkStarts, pass(c.split.length > 0)]);
  console.log(
    `\nThai line breaking, ${measured.stories} corpus stories (headline and first paragraph), ${seconds.toFixed(0)} s\n\n` +
      table(['', 'lexicon words', 'split', 'ๆ', 'ๆ starting a line', 'target'], rows, [1, 2, 3, 4]),
  );
  if (measured.released.split.length) console.log(`\nControl splits, first ten: ${measured.released.split.slice(0, 10).join(', ')}`);
  const out = join(projectRoot, 'bench/results', `thai-lines-${timestamp()}.json`);
  await writeFile(out, JSON.stringify({ git: gitState(), widths: WIDTHS, seconds, ...measured }, null, 2));
  console.log(`\nWrote ${out}`);
  if (!values.keep && !values.site) await rm(work, { recursive: true, force: true });
}

if (import.meta.main) await main();
