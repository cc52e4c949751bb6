import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cardCache, type CardCache } from './cache.ts';
import type { OgCard } from './card.ts';
import { drawPool, type DrawPool } from './draw-pool.ts';
import { loadOgFonts, type OgFonts } from './fonts.ts';
import { renderCard } from './render.ts';
import { cardStats } from './stats.ts';

/** Bump when the card's design changes, so that cached cards are drawn anew. */
const CARD_DESIGN = 1;

/**
 * The build's social cards: a content-addressed cache in `cacheDir` (kept between builds) in front of
 * `threads` drawing threads (0 draws on the build's own thread). `root` is the project, whose installed
 * renderers and font are part of every cache key and whose draw-worker.ts the threads run.
 */
export function createOgCards(opts: { cacheDir: string; threads: number; root: string }): CardCache {
  const require = createRequire(join(opts.root, 'package.json'));
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  /** New versions of the renderers or of the font may draw differently: they are part of every key. */
  const rendererVersion = [CARD_DESIGN, ...['satori', '@resvg/resvg-js', '@fontsource/noto-sans-thai'].map(version)].join(' ');

  let fonts: Promise<OgFonts> | undefined;
  const ogFonts = () => (fonts ??= loadOgFonts(join(opts.cacheDir, 'fonts'), opts.root));
  let pool: Promise<DrawPool> | undefined;
  // The thread runs the source module: Astro bundles this one, and a bundle has no worker file beside it.
  const threadPool = () => (pool ??= ogFonts().then((f) => drawPool({ size: opts.threads, fonts: f, script: join(opts.root, 'src/lib/og/draw-worker.ts') })));

  return cardCache({
    dir: opts.cacheDir,
    rendererVersion,
    stats: cardStats(),
    draw: opts.threads > 0 ? async (card: OgCard) => (await threadPool()).draw(card) : async (card: OgCard) => renderCard(card, await ogFonts()),
    // Two cards per thread: one drawing, one waiting in its queue, so no thread idles between cards.
    ahead: 2 * opts.threads,
  });
}

export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
