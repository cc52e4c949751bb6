/**
 * node bench/og-cards.ts [-- --cards 300 --threads 1,2]
 *
 * What a social card costs to draw (src/lib/og/), measured on distinct cards after a warm-up:
 *   - per stage on this thread: satori's layout, resvg's parse (fonts and text shaping included),
 *     its raster, and the PNG encoding, resvg's own `asPng()` against ours (`encodePng`), with bytes;
 *   - wall and CPU time per card for a cold cache, drawn as the build draws them (cards asked for one
 *     at a time, in order, after `drawAhead` has queued them all): on this thread, and on 1, 2 … threads.
 * On a shared machine the wall times move with its load; the CPU times much less.
 * Prints tables and writes bench/results/og-cards-<timestamp>.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { cardCache } from '../src/lib/og/cache.ts';
import { OG_HEIGHT, OG_WIDTH, type OgCard } from '../src/lib/og/card.ts';
import { drawPool } from '../src/lib/og/draw-pool.ts';
import { loadOgFonts } from '../src/lib/og/fonts.ts';
import { encodePng } from '../src/lib/og/png.ts';
import { cardSvg, renderCard } from '../src/lib/og/render.ts';
import { projectRoot } from '../tests/support/build-site.ts';
import { gitState, kb, mean, median, ms, table, timestamp } from './support/stats.ts';

const { values } = parseArgs({ options: { cards: { type: 'string', default: '300' }, threads: { type: 'string', default: '1,2' } } });
const count = Number(values.cards);
const threadCounts = values.threads.split(',').map(Number);

// Headlines as the corpus has them: Thai of every length, English, a mix.
const TITLES: [OgCard['lang'], string][] = [
  ['th', 'นายกรัฐมนตรีเป็นประธานการประชุมคณะรัฐมนตรีนอกสถานที่ ณ จังหวัดเชียงใหม่'],
  ['th', 'ผู้นำรัสเซียเยือนจีน'],
  ['th', 'รัฐบาลเดินหน้าแก้ปัญหาราคาข้าว ยืนยันดูแลเกษตรกรทั่วประเทศ พร้อมเร่งเจรจาตลาดส่งออกใหม่ในตะวันออกกลางและแอฟริกา เพื่อรักษาเสถียรภาพราคา'],
  ['th', 'โฆษกรัฐบาลเผย ครม. อนุมัติงบกลาง 1,200 ล้านบาท ช่วยผู้ประสบอุทกภัย 12 จังหวัด'],
  ['en', 'PM affirms government’s commitment to solving the rice price problem'],
  ['en', 'Putin visits China to deepen a “no limits” partnership amid war in Ukraine and Western sanctions'],
  ['th', 'กระทรวงการต่างประเทศแถลงผลการประชุม ASEAN Summit ครั้งที่ 44'],
];
const card = (i: number): OgCard => {
  const [lang, title] = TITLES[i % TITLES.length]!;
  return { lang, title: `${title} ${i}`, siteName: lang === 'th' ? 'ข่าวสองภาษา' : 'Bilingual News', label: lang === 'th' ? 'การเมือง' : 'Politics' };
};

const work = await mkdtemp(join(tmpdir(), 'og-bench-'));
const fonts = await loadOgFonts(join(work, 'fonts'), projectRoot);
const resvgOptions = { font: { loadSystemFonts: false, fontFiles: fonts.files, defaultFontFamily: 'Noto Sans Thai' } };

// ---- Stages, on this thread.
const stages = {
  satori: [] as number[],
  parse: [] as number[],
  render: [] as number[],
  pixels: [] as number[],
  asPng: [] as number[],
  encodePng: [] as number[],
};
const bytes = { asPng: [] as number[], encodePng: [] as number[] };
const warmUp = 20;
for (let i = 0; i < warmUp + count; i++) {
  const times: number[] = [];
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    times.push(now - t);
    t = now;
  };
  const svg = await cardSvg(card(i), fonts);
  lap();
  const resvg = new Resvg(svg, resvgOptions);
  lap();
  const image = resvg.render();
  lap();
  const pixels = image.pixels;
  lap();
  const theirs = image.asPng();
  lap();
  const ours = encodePng(pixels, OG_WIDTH, OG_HEIGHT);
  lap();
  if (i < warmUp) continue;
  Object.values(stages).forEach((list, k) => list.push(times[k]!));
  bytes.asPng.push(theirs.length);
  bytes.encodePng.push(ours.length);
}
const stageRows = Object.entries(stages).map(([name, list]) => [name, ms(median(list), 2), ms(mean(list), 2)]);
const before = ['satori', 'parse', 'render', 'asPng'] as const;
const after = ['satori', 'parse', 'render', 'pixels', 'encodePng'] as const;
const total = (names: readonly (keyof typeof stages)[]) => (i: number) => names.reduce((s, n) => s + stages[n][i]!, 0);
const perCardBefore = stages.satori.map((_, i) => total(before)(i));
const perCardAfter = stages.satori.map((_, i) => total(after)(i));
stageRows.push(
  ['card with asPng', ms(median(perCardBefore), 2), ms(mean(perCardBefore), 2)],
  ['card with encodePng', ms(median(perCardAfter), 2), ms(mean(perCardAfter), 2)],
);

// ---- Wall time per card, cold cache, as in a build.
async function drawAll(label: string, threads: number): Promise<{ label: string; threads: number; msPerCard: number; cpuMsPerCard: number; bytes: number }> {
  const dir = join(work, `cache-${label}`);
  await mkdir(dir, { recursive: true });
  const pool = threads > 0 ? drawPool({ size: threads, fonts, script: join(projectRoot, 'src/lib/og/draw-worker.ts') }) : undefined;
  const cache = cardCache({ dir, rendererVersion: label, draw: pool ? (c) => pool.draw(c) : (c) => renderCard(c, fonts), ahead: pool ? 2 * threads : 0 });
  const cards = Array.from({ length: count }, (_, i) => card(i + 1_000_000 * (threads + 1)));
  if (pool) {
    // Threads start and parse their fonts once per build: warmed here so the rate is the steady one.
    await Promise.all(Array.from({ length: threads * 4 }, (_, i) => pool.draw(card(i))));
  }
  const start = performance.now();
  // CPU time of every thread of the process: what the cards cost, whatever else the machine runs.
  const cpu = process.cpuUsage();
  void cache.drawAhead(cards);
  let size = 0;
  for (const c of cards) size += (await cache.get(c)).length;
  const { user, system } = process.cpuUsage(cpu);
  return { label, threads, msPerCard: (performance.now() - start) / count, cpuMsPerCard: (user + system) / 1000 / count, bytes: size / count };
}
const walls = [await drawAll('this thread', 0)];
for (const n of threadCounts) walls.push(await drawAll(`${n} thread${n > 1 ? 's' : ''}`, n));

const load = loadavg();
console.log(
  `Social cards, ${count} distinct cards after ${warmUp} to warm up; ${availableParallelism()} cores, load average ${load.map((l) => l.toFixed(1)).join(' ')}\n`,
);
console.log('Per stage, on this thread (ms per card):');
console.log(table(['stage', 'median', 'mean'], stageRows, [1, 2]));
console.log(`\nPNG bytes per card: asPng ${kb(mean(bytes.asPng))}, encodePng ${kb(mean(bytes.encodePng))}\n`);
console.log('Drawn as the build draws them, cold cache (per card: wall time, and CPU time of all threads):');
console.log(
  table(
    ['drawn on', 'wall', 'CPU', 'PNG'],
    walls.map((w) => [w.label, ms(w.msPerCard, 2), ms(w.cpuMsPerCard, 2), kb(w.bytes)]),
    [1, 2, 3],
  ),
);

const results = join(projectRoot, 'bench/results');
await mkdir(results, { recursive: true });
const file = join(results, `og-cards-${timestamp()}.json`);
await writeFile(
  file,
  JSON.stringify(
    { started: new Date().toISOString(), git: gitState(), cores: availableParallelism(), loadAverage: load, cards: count, stages, bytes, walls },
    null,
    2,
  ),
);
console.log(`\nWrote ${file}`);
await rm(work, { recursive: true, force: true });
