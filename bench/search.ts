/**
 * npm run bench:search [-- --rounds 5 --limit N --cold N --skip-quality --site DIR --content DIR --keep]
 *
 * Search at corpus scale (issue 4 item 6): the whole thaigov corpus (3,000 Thai + 300 English items)
 * imported with the real importer and built with the real build, then, side by side in one run, the
 * site's search (its own index in bundles by year, driven by src/lib/search/site-search.ts) against plain
 * Pagefind defaults over the same pages (/pagefind-default/):
 *   - query time in Chromium, warm (index chunks loaded) and the first query in a fresh page;
 *   - bytes transferred for the first search, compressed as a host sends them;
 *   - index size on disk and number of files;
 *   - recall and precision per query against ground truth read from the text.
 * Prints tables and writes bench/results/search-<timestamp>.json.
 *
 * --site DIR and --content DIR reuse an already built site (and the content folder it was built from).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isBundleFolder } from '../src/lib/search/bundles.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { buildSite, projectRoot } from '../tests/support/build-site.ts';
import { corpusFiles, haveCorpus, noCorpusMessage } from '../tests/support/corpus.ts';
import { generateQueries, QUERY_CATEGORIES, type GeneratedQuery } from '../tests/support/generated-queries.ts';
import { mean, measureDefaultPagefind, measureSiteSearch, readStoryTexts, type QualityRow } from '../tests/support/search-quality.ts';
import { serveCompressed } from './support/compressing-server.ts';
import { DEFAULT_BUNDLE, writeDefaultPagefind } from './support/pagefind-default.ts';
import {
  measureSearchPerformance,
  queryLang,
  siteSearchOptions,
  type EngineSummary,
  type SearchPerformance,
  type SearchQuery,
} from './support/search-timing.ts';
import { dirStats, type DirStats } from './support/sizes.ts';
import { gitState, kb, mb, ms, pass, table, timestamp } from './support/stats.ts';

export const TARGETS = {
  thaiRecall: 0.995,
  thaiPrecision: 0.99,
  generatedPerCategory: 40,
  generatedEnglish: 60,
  thaiQueries: 60,
  englishRecall: 0.995,
  englishPrecision: 0.99,
  medianQueryMs: 30,
  firstSearchBytes: 150 * 1024,
};

const resultsDir = join(projectRoot, 'bench/results');
const log = (line: string) => console.log(line);

/** Pagefind files the search itself never loads (its ready-made UIs): listed apart in the size table. */
export const isPagefindUiFile = (rel: string) => /^pagefind-(ui|component-ui|modular-ui|highlight)\.|^playground\//.test(rel);

export async function loadQueries(): Promise<{ th: string[]; en: string[] }> {
  return JSON.parse(await readFile(join(projectRoot, 'tests/fixtures/search-queries.json'), 'utf8')) as { th: string[]; en: string[] };
}

/** Imports every corpus file with the real importer into contentRoot (its articles/ and import-map.json). */
export function importCorpus(contentRoot: string): { ms: number; summary: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/import.ts'), '--out', contentRoot, ...corpusFiles()], {
    cwd: projectRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary = /^\d+ files: .*$/m.exec(result.stdout)?.[0];
  if (!summary) throw new Error(`the importer failed:\n${result.stdout.slice(-2000)}\n${result.stderr}`);
  return { ms: performance.now() - start, summary };
}

export interface BundleSize {
  total: DirStats;
  /** Without Pagefind's ready-made UI files, which the search never loads. */
  search: DirStats;
}

export async function bundleSize(dir: string): Promise<BundleSize> {
  return { total: await dirStats(dir), search: await dirStats(dir, isPagefindUiFile) };
}

/**
 * Ours: every bundle of the index (/pagefind-2025/, /pagefind-2024/, …; see src/lib/search/bundles.ts) added
 * up; also the count-based bundles of earlier commits (/pagefind/, /pagefind-2/ …), measured with --ref.
 */
export async function siteIndexSize(siteDir: string): Promise<BundleSize> {
  const bundles = (await readdir(siteDir)).filter((name) => isBundleFolder(name) || /^pagefind(-\d{1,3})?$/.test(name));
  const sizes = await Promise.all(bundles.map((name) => bundleSize(join(siteDir, name))));
  const add = (a: DirStats, b: DirStats): DirStats => ({ bytes: a.bytes + b.bytes, files: a.files + b.files, parts: {}, byExt: {} });
  const none: DirStats = { bytes: 0, files: 0, parts: {}, byExt: {} };
  return { total: sizes.map((x) => x.total).reduce(add, none), search: sizes.map((x) => x.search).reduce(add, none) };
}

export function performanceTable(perf: SearchPerformance): string {
  const s = perf.summary;
  const row = (label: string, f: (e: EngineSummary) => string) => [label, ...[s.ours, s.default].map((e) => (e ? f(e) : '–'))];
  return table(
    ['', 'ours (bundles by year)', 'Pagefind defaults'],
    [
      row('queries', (e) => String(e.queries)),
      row('warm query, median', (e) => ms(e.warm.median)),
      row('warm query, p95', (e) => ms(e.warm.p95)),
      row('warm query, max', (e) => ms(e.warm.max)),
      row('search() calls per query (mean)', (e) => e.warm.meanSearchCalls.toFixed(2)),
      row('unseen query in a warm page, median', (e) => ms(e.warmFirstTime.median)),
      row('unseen query in a warm page, p95', (e) => ms(e.warmFirstTime.p95)),
      row('first query in a fresh page, median', (e) => ms(e.cold.median)),
      row('first query in a fresh page, p95', (e) => ms(e.cold.p95)),
      row('  of which import pagefind.js', (e) => ms(e.cold.medianImport)),
      row('  of which search() incl. start-up', (e) => ms(e.cold.medianSearch)),
      row('  of which first 10 results', (e) => ms(e.cold.medianData)),
      row('first search, brotli, median', (e) => kb(e.firstSearch.medianBrotli)),
      row('first search, brotli, max', (e) => kb(e.firstSearch.maxBrotli)),
      row('first search, gzip, median', (e) => kb(e.firstSearch.medianGzip)),
      row('first search, requests (median)', (e) => String(e.firstSearch.medianRequests)),
      row('first search, as sent to Chromium', (e) => kb(e.firstSearch.medianSent)),
      row('first search, Thai queries, brotli median / max', (e) =>
        e.firstSearch.byLang.th ? `${kb(e.firstSearch.byLang.th.medianBrotli)} / ${kb(e.firstSearch.byLang.th.maxBrotli)}` : '–',
      ),
      row('first search, English queries, brotli median / max', (e) =>
        e.firstSearch.byLang.en ? `${kb(e.firstSearch.byLang.en.medianBrotli)} / ${kb(e.firstSearch.byLang.en.maxBrotli)}` : '–',
      ),
      row(
        'first query in a fresh page, Thai / English median',
        (e) => `${ms(e.firstSearch.byLang.th?.medianMs ?? NaN, 0)} / ${ms(e.firstSearch.byLang.en?.medianMs ?? NaN, 0)}`,
      ),
      row('search page scripts (loaded with the page)', (e) => kb(e.firstSearch.pageScriptsBrotli)),
    ],
    [1, 2],
  );
}

export function bytesByKindTable(perf: SearchPerformance): string {
  const kinds = ['pagefind.js', 'worker', 'wasm', 'entry', 'meta', 'index', 'filter', 'fragment', 'other'] as const;
  const cell = (e: EngineSummary | undefined, k: (typeof kinds)[number]) => {
    const v = e?.firstSearch.medianByKind[k];
    return v ? `${kb(v.brotli)} (${v.requests})` : '–';
  };
  return table(
    ['first search: file (requests), brotli, median over queries', 'ours', 'Pagefind defaults'],
    kinds
      .filter((k) => perf.summary.ours?.firstSearch.medianByKind[k] || perf.summary.default?.firstSearch.medianByKind[k])
      .map((k) => [k, cell(perf.summary.ours, k), cell(perf.summary.default, k)]),
    [1, 2],
  );
}

function qualityTable(ours: QualityRow[], base: QualityRow[]): string {
  return table(
    ['query', 'relevant', 'ours found', 'recall', 'precision', 'default found', 'recall', 'precision'],
    ours.map((r, i) => {
      const b = base[i]!;
      return [r.query, r.relevant, r.found, r.recall.toFixed(3), r.precision.toFixed(3), b.found, b.recall.toFixed(3), b.precision.toFixed(3)];
    }),
    [1, 2, 3, 4, 5, 6, 7],
  );
}

/**
 * The built corpus site a bench measures: the one given with --site DIR and --content DIR (the folder
 * it was built from, holding articles/), or the corpus imported with the real importer and built with
 * the real build into `work`.
 */
export async function corpusSite(
  values: { site?: string | undefined; content?: string | undefined },
  work: string,
): Promise<{ siteDir: string; contentRoot: string; setup: Record<string, unknown> }> {
  const setup: Record<string, unknown> = {};
  if (values.site) {
    if (!values.content) throw new Error('--site needs --content DIR (the folder the site was built from, holding articles/)');
    log(`Reusing the site in ${resolve(values.site)}`);
    return { siteDir: resolve(values.site), contentRoot: resolve(values.content), setup };
  }
  const contentRoot = join(work, 'content');
  const siteDir = join(work, 'site');
  await mkdir(work, { recursive: true });
  log(`Importing the corpus (${corpusFiles().length} files) into ${contentRoot} …`);
  const imported = importCorpus(contentRoot);
  log(`  ${imported.summary} (${(imported.ms / 1000).toFixed(1)} s)`);
  log('Building the site (astro build, with our search index) …');
  const buildStart = performance.now();
  // Social cards play no part in search or line breaking: skipped, as the corpus tests skip them.
  const { output } = await buildSite({
    outDir: siteDir,
    contentDir: join(contentRoot, 'articles'),
    cacheDir: join(work, 'cache'),
    env: { NEWS_SOCIAL_CARDS: 'off' },
  });
  setup['buildMs'] = performance.now() - buildStart;
  setup['buildSummary'] = /\d+ page\(s\) built in .*/.exec(output)?.[0];
  setup['import'] = imported;
  log(`  ${setup['buildSummary']}`);
  return { siteDir, contentRoot, setup };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      limit: { type: 'string' },
      cold: { type: 'string' },
      site: { type: 'string' },
      content: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'skip-quality': { type: 'boolean', default: false },
    },
  });
  if (!haveCorpus) throw new Error(noCorpusMessage);
  const started = new Date();
  const startLoad = loadavg();
  const work = join(resultsDir, `work-search-${process.pid}`);
  const { siteDir, contentRoot, setup } = await corpusSite(values, work);

  log('Indexing the same pages with Pagefind defaults …');
  const baseline = await writeDefaultPagefind(siteDir);
  log(`  ${baseline.pages} pages in ${(baseline.ms / 1000).toFixed(1)} s`);
  const sizes = { ours: await siteIndexSize(siteDir), default: await bundleSize(join(siteDir, DEFAULT_BUNDLE)) };

  const all = await loadQueries();
  const limit = values.limit ? Number(values.limit) : Infinity;
  const th = all.th.slice(0, limit);
  const en = all.en.slice(0, limit);
  const queries: SearchQuery[] = [...th, ...en].map((q) => ({ q, lang: queryLang(q) }));
  const coldQueries = values.cold ? queries.filter((_, i) => i % Math.max(1, Math.round(queries.length / Number(values.cold))) === 0) : queries;

  const server = await serveCompressed(siteDir);
  const browser = await launchChromium();
  let perf: SearchPerformance;
  let quality: { ours: { th: QualityRow[]; en: QualityRow[] }; default: { th: QualityRow[]; en: QualityRow[] } } | null = null;
  let generated: { queries: GeneratedQuery[]; rows: QualityRow[] } | null = null;
  try {
    log(`Timing ${queries.length} queries in Chromium (${browser.version()}) …`);
    perf = await measureSearchPerformance(browser, server, queries, { rounds: Number(values.rounds), coldQueries, log });
    if (!values['skip-quality']) {
      log('Recall and precision, each query in a fresh page …');
      const stories = readStoryTexts(join(contentRoot, 'articles'));
      // The site's results are identified from its fragment files (siteDir), the defaults' through the browser.
      const site = (qs: string[]) => measureSiteSearch(browser, server.url, stories, qs, siteDir);
      const base = (qs: string[]) => measureDefaultPagefind(browser, server.url, `/${DEFAULT_BUNDLE}/`, stories, qs);
      quality = { ours: { th: await site(th), en: await site(en) }, default: { th: await base(th), en: await base(en) } };
      log('Queries drawn by rule from the corpus (tests/support/generated-queries.ts), ours only …');
      const drawn = generateQueries(stories);
      const rows = await site(drawn.map((q) => q.query));
      generated = { queries: drawn, rows };
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const encodings = [...new Set(server.log.filter((e) => e.encoding !== 'identity').map((e) => e.encoding))];
  const acceptEncoding = server.log.at(-1)?.acceptEncoding ?? '';
  const ours = perf.summary.ours;
  if (!ours) throw new Error('bench:search measured no search of ours');
  const out: string[] = [];
  out.push('', `Search benchmark, ${started.toISOString()}: ${siteDir}`);
  out.push(
    `Load average at start ${startLoad.map((l) => l.toFixed(1)).join(' ')}, at end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${availableParallelism()} cores): timings are side by side, compare ratios.`,
  );
  const options = siteSearchOptions();
  out.push(
    `Ours loads Pagefind as src/scripts/search-page.ts does (options ${JSON.stringify(options ?? {})}); the defaults bundle runs with Pagefind's defaults (web worker).`,
  );
  out.push(
    `Chromium sends Accept-Encoding "${acceptEncoding}" (server used: ${encodings.join(', ') || 'none'}); sizes below are computed per file: brotli q11 / gzip -9, never more than the file.`,
  );
  out.push('', performanceTable(perf), '', bytesByKindTable(perf), '');
  out.push(
    table(
      ['index on disk', 'ours', 'Pagefind defaults'],
      [
        [
          'all files',
          `${mb(sizes.ours.total.bytes, 2)} in ${sizes.ours.total.files} files`,
          `${mb(sizes.default.total.bytes, 2)} in ${sizes.default.total.files} files`,
        ],
        [
          'without the ready-made UI files',
          `${mb(sizes.ours.search.bytes, 2)} in ${sizes.ours.search.files} files`,
          `${mb(sizes.default.search.bytes, 2)} in ${sizes.default.search.files} files`,
        ],
        ...[...new Set([...Object.keys(sizes.ours.search.parts), ...Object.keys(sizes.default.search.parts)])].sort().map((part) => {
          const f = (s: DirStats) => (s.parts[part] ? `${mb(s.parts[part]!.bytes, 2)} in ${s.parts[part]!.files}` : '–');
          return [`  ${part === '.' ? 'top-level files' : `${part}/`}`, f(sizes.ours.search), f(sizes.default.search)];
        }),
      ],
      [1, 2],
    ),
  );
  const checks: [string, boolean][] = [
    [`median warm query ≤ ${TARGETS.medianQueryMs} ms: ${ms(ours.warm.median)}`, ours.warm.median <= TARGETS.medianQueryMs],
    [
      `first search ≤ 150 KB compressed (brotli, median query): ${kb(ours.firstSearch.medianBrotli)} (largest ${kb(ours.firstSearch.maxBrotli)})`,
      ours.firstSearch.medianBrotli <= TARGETS.firstSearchBytes,
    ],
  ];
  if (quality) {
    const q = quality;
    out.push(
      '',
      'Recall and precision, tests/fixtures/search-queries.json (ground truth: the text holds every part of the query on cluster boundaries, tests/support/search-quality.ts)',
      '',
    );
    out.push(`Thai (${q.ours.th.length} queries)`, qualityTable(q.ours.th, q.default.th), '');
    out.push(`English (${q.ours.en.length} queries)`, qualityTable(q.ours.en, q.default.en), '');
    out.push(
      table(
        ['means', 'ours recall', 'ours precision', 'default recall', 'default precision'],
        [
          [
            'Thai',
            mean(q.ours.th, 'recall').toFixed(4),
            mean(q.ours.th, 'precision').toFixed(4),
            mean(q.default.th, 'recall').toFixed(4),
            mean(q.default.th, 'precision').toFixed(4),
          ],
          [
            'English',
            mean(q.ours.en, 'recall').toFixed(4),
            mean(q.ours.en, 'precision').toFixed(4),
            mean(q.default.en, 'recall').toFixed(4),
            mean(q.default.en, 'precision').toFixed(4),
          ],
        ],
        [1, 2, 3, 4],
      ),
    );
    checks.unshift(
      [
        `Thai: ≥ ${TARGETS.thaiQueries} queries, mean recall ≥ ${TARGETS.thaiRecall}, precision ≥ ${TARGETS.thaiPrecision}: ${q.ours.th.length} queries, ${mean(q.ours.th, 'recall').toFixed(4)} / ${mean(q.ours.th, 'precision').toFixed(4)}`,
        q.ours.th.length >= TARGETS.thaiQueries && mean(q.ours.th, 'recall') >= TARGETS.thaiRecall && mean(q.ours.th, 'precision') >= TARGETS.thaiPrecision,
      ],
      [
        `English: mean recall and precision ≥ ${TARGETS.englishRecall}: ${mean(q.ours.en, 'recall').toFixed(4)} / ${mean(q.ours.en, 'precision').toFixed(4)}`,
        mean(q.ours.en, 'recall') >= TARGETS.englishRecall && mean(q.ours.en, 'precision') >= TARGETS.englishPrecision,
      ],
    );
  }
  if (generated) {
    const { queries: drawn, rows } = generated;
    const byCategory = QUERY_CATEGORIES.map((category) => ({ category, rows: rows.filter((_, i) => drawn[i]!.category === category) }));
    const thaiRows = rows.filter((_, i) => drawn[i]!.lang === 'th');
    const englishRows = rows.filter((_, i) => drawn[i]!.category === 'english');
    out.push('', `Queries drawn by rule from the corpus (${rows.length}; ground truth from the text, tests/support/search-quality.ts)`, '');
    out.push(
      table(
        ['category', 'queries', 'no relevant story', 'mean recall', 'mean precision', 'worst query (recall / precision)'],
        [...byCategory, { category: 'all Thai categories', rows: thaiRows }].map(({ category, rows: own }) => {
          const worst = [...own].sort((a, b) => a.recall + a.precision - (b.recall + b.precision))[0];
          return [
            category,
            own.length,
            own.filter((r) => r.relevant === 0).length,
            mean(own, 'recall').toFixed(4),
            mean(own, 'precision').toFixed(4),
            worst ? `${worst.query} (${worst.recall.toFixed(2)} / ${worst.precision.toFixed(2)})` : '–',
          ];
        }),
        [1, 2, 3, 4],
      ),
    );
    const imperfect = rows.filter((r) => r.recall < 1 || r.precision < 1);
    if (imperfect.length > 0) out.push('', 'Drawn queries not answered exactly:', qualityTable(imperfect, imperfect));
    checks.unshift(
      ...byCategory
        .filter((c) => c.category !== 'english')
        .map(({ category, rows: own }): [string, boolean] => [
          `drawn, ${category}: ≥ ${TARGETS.generatedPerCategory} queries, recall ≥ ${TARGETS.thaiRecall}, precision ≥ ${TARGETS.thaiPrecision}: ${own.length}, ${mean(own, 'recall').toFixed(4)} / ${mean(own, 'precision').toFixed(4)}`,
          own.length >= TARGETS.generatedPerCategory && mean(own, 'recall') >= TARGETS.thaiRecall && mean(own, 'precision') >= TARGETS.thaiPrecision,
        ]),
      [
        `drawn, English: ≥ ${TARGETS.generatedEnglish} queries, recall ≥ ${TARGETS.englishRecall}, precision ≥ ${TARGETS.englishPrecision}: ${englishRows.length}, ${mean(englishRows, 'recall').toFixed(4)} / ${mean(englishRows, 'precision').toFixed(4)}`,
        englishRows.length >= TARGETS.generatedEnglish &&
          mean(englishRows, 'recall') >= TARGETS.englishRecall &&
          mean(englishRows, 'precision') >= TARGETS.englishPrecision,
      ],
    );
  }
  out.push('', 'Targets (ours, 3,300 stories):', ...checks.map(([label, ok]) => `  ${pass(ok)}  ${label}`));
  const slow = perf.warm
    .filter((r) => r.engine === 'ours')
    .sort((a, b) => b.medianRepeat - a.medianRepeat)
    .slice(0, 10);
  out.push('', 'Slowest warm queries (ours): query, median, results, search() calls, search / data ms');
  out.push(
    table(
      ['query', 'median', 'results', 'calls', 'search', 'data'],
      slow.map((r) => {
        const t = [...r.repeats].sort((a, b) => Math.abs(a.total - r.medianRepeat) - Math.abs(b.total - r.medianRepeat))[0] ?? r.firstInWarmPage;
        return [r.query, ms(r.medianRepeat), t.results, t.searchCalls, ms(t.searchMs), ms(t.dataMs)];
      }),
      [1, 2, 3, 4, 5],
    ),
  );
  console.log(out.join('\n'));

  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `search-${timestamp()}.json`);
  const json = {
    started: started.toISOString(),
    git: gitState(),
    oursPagefindOptions: siteSearchOptions(),
    loadAverage: { start: startLoad, end: loadavg() },
    site: siteDir,
    chromium: acceptEncoding,
    setup,
    baselineIndexing: baseline,
    targets: TARGETS,
    checks: checks.map(([label, ok]) => ({ label, ok })),
    summary: perf.summary,
    sizes,
    quality,
    generated,
    warm: perf.warm,
    cold: perf.cold,
  };
  await writeFile(file, `${JSON.stringify(json, null, 1)}\n`);
  console.log(`\nWrote ${file}`);
  if (!values.site && !values.keep) await rm(work, { recursive: true, force: true });
  else if (!values.site) console.log(`Kept the site in ${siteDir} (content in ${contentRoot})`);
}

// bench/scale.ts reuses the functions above without running this benchmark.
if (import.meta.main) await main();
