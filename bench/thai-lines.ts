/**
 * npm run bench:lines [-- --stories 300 --site DIR --content DIR --keep]
 *
 * Thai line breaking at corpus scale: the thaigov corpus imported with the real importer and built with
 * the real build, then in Chromium the headline and first paragraph of `--stories` Thai stories at 390
 * and 1366 px, measured from line boxes as the e2e test measures its sample (tests/support/line-boxes.ts):
 * lexicon words cut across two lines, and lines that start with ๆ; and the control (the words let go).
 * First, without a browser, the site's word list on stories it did not learn from: learned
 * (learnSiteWords) from the corpus's even-numbered Thai stories, applied to the odd-numbered ones with
 * their titles taken out, where the names that followed a title (found by rule in the text) are what
 * must stay whole: how many occurrences a lexicon keeps whole, with the list and without.
 * Prints tables and writes bench/results/thai-lines-<timestamp>.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/support/browser.ts';
import { projectRoot } from '../tests/support/build-site.ts';
import { corpusDir, haveCorpus, noCorpusMessage } from '../tests/support/corpus.ts';
import { measureCorpusLines } from '../tests/support/line-boxes.ts';
import { buildLexicon, escapeRegExp, keptWords, learnSiteWords, MAX_WORD_LENGTH, titledNames, TITLES } from '../src/lib/thai-lines.ts';
import { corpusSite } from './search.ts';
import { serveCompressed } from './support/compressing-server.ts';
import { gitState, pass, table, timestamp } from './support/stats.ts';

const WIDTHS = [390, 1366];

interface HeldOut {
  learnedFrom: number;
  words: number;
  stories: number;
  /** Occurrences of names seen once in their story, and more often; kept whole without and with the list. */
  once: { names: number; own: number; withList: number };
  more: { names: number; own: number; withList: number };
  /** Share of the held-out text inside kept words, without and with the list: what the list costs line filling. */
  keptShare: { own: number; withList: number };
}

const TITLE = new RegExp(`(?:${TITLES.map(escapeRegExp).join('|')}) ?`, 'g');
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** The site's word list on stories it did not learn from (see the opening comment). */
function heldOutWordList(): HeldOut {
  const thai = readdirSync(join(corpusDir, 'th'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(corpusDir, 'th', f), 'utf8').normalize('NFC'));
  const learned = new Set(learnSiteWords(thai.filter((_, i) => i % 2 === 0).map((text) => ({ texts: [text] }))));
  const held = thai.filter((_, i) => i % 2 === 1);
  const result: HeldOut = {
    learnedFrom: thai.length - held.length,
    words: learned.size,
    stories: held.length,
    once: { names: 0, own: 0, withList: 0 },
    more: { names: 0, own: 0, withList: 0 },
    keptShare: { own: 0, withList: 0 },
  };
  let chars = 0;
  const kept = { own: 0, withList: 0 };
  for (const text of held) {
    // The names a title gave away, that the browser could break inside; then the text without the titles.
    const names = new Set(titledNames(text).filter((name) => name.length <= MAX_WORD_LENGTH && [...segmenter.segment(name)].length > 1));
    const bare = text.replace(TITLE, '');
    chars += bare.length;
    const spans = { own: [] as number[], withList: [] as number[] };
    for (const [which, lexicon] of [
      ['own', buildLexicon([bare])],
      ['withList', buildLexicon([bare], [], learned)],
    ] as const) {
      const span = new Int32Array(bare.length).fill(-1);
      let id = 0;
      for (const { index, word } of keptWords(bare, lexicon)) {
        span.fill(id++, index, index + word.length);
        kept[which] += word.length;
      }
      spans[which] = [...span];
    }
    for (const name of names) {
      const at: number[] = [];
      for (let i = bare.indexOf(name); i >= 0; i = bare.indexOf(name, i + name.length)) at.push(i);
      const tally = at.length === 1 ? result.once : result.more;
      for (const i of at) {
        tally.names += 1;
        const whole = (span: number[]) => span[i]! >= 0 && span[i + name.length - 1] === span[i];
        if (whole(spans.own)) tally.own += 1;
        if (whole(spans.withList)) tally.withList += 1;
      }
    }
  }
  result.keptShare = { own: kept.own / chars, withList: kept.withList / chars };
  return result;
}

function printHeldOut(h: HeldOut): void {
  const pct = (n: number, of: number) => `${n} (${((100 * n) / of).toFixed(1)} %)`;
  console.log(
    `\nThe site's word list on stories it did not learn from: ${h.words} words learned from ${h.learnedFrom} corpus stories, ` +
      `applied to the other ${h.stories} with their titles taken out\n\n` +
      table(
        ['names that followed a title', 'occurrences', 'kept whole, own lexicon', 'kept whole, with the list'],
        [
          ['seen once in their story', h.once.names, pct(h.once.own, h.once.names), pct(h.once.withList, h.once.names)],
          ['seen more often', h.more.names, pct(h.more.own, h.more.names), pct(h.more.withList, h.more.names)],
          ['text inside kept words', '', `${(100 * h.keptShare.own).toFixed(1)} %`, `${(100 * h.keptShare.withList).toFixed(1)} %`],
        ],
        [1, 2, 3],
      ),
  );
}

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
  const heldOut = heldOutWordList();
  printHeldOut(heldOut);
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
  await writeFile(out, JSON.stringify({ git: gitState(), widths: WIDTHS, seconds, heldOut, ...measured }, null, 2));
  console.log(`\nWrote ${out}`);
  if (!values.keep && !values.site) await rm(work, { recursive: true, force: true });
}

if (import.meta.main) await main();
