import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cardCache } from './cache.ts';
import type { OgCard } from './card.ts';
import { drawPool, type DrawPool } from './draw-pool.ts';
import { loadOgFonts, type OgFonts } from './fonts.ts';
import { renderCard } from './render.ts';
import { cardStats } from './stats.ts';

/** Bump when the card's design changes, so that cached cards are drawn anew. */
const CARD_DESIGN = 1;

/** Kept between builds (npm keeps node_modules/.cache); NEWS_OG_CACHE_DIR moves it, e.g. to measure a cold build. */
export const OG_CACHE_DIR = process.env.NEWS_OG_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/og');

/**
 * Threads that draw cards, beside the build's own. Astro renders the card routes before the pages,
 * one card at a time, so the build's thread mostly waits meanwhile: one drawing thread per core, up
 * to 4, where its own share of each card (~2 ms) would hold them back. NEWS_OG_THREADS sets the
 * number; 0 draws on the build's thread.
 */
const requested = Number.parseInt(process.env.NEWS_OG_THREADS ?? '', 10);
const THREADS = Number.isNaN(requested) ? Math.min(4, availableParallelism()) : Math.max(0, requested);

const require = createRequire(join(process.cwd(), 'package.json'));
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
/** New versions of the renderers or of the font may draw differently: they are part of every key. */
const rendererVersion = [CARD_DESIGN, ...['satori', '@resvg/resvg-js', '@fontsource/noto-sans-thai'].map(version)].join(' ');

let fonts: Promise<OgFonts> | undefined;
const ogFonts = () => (fonts ??= loadOgFonts(join(OG_CACHE_DIR, 'fonts')));
let pool: Promise<DrawPool> | undefined;
// The thread runs the source module: Astro bundles this one, and a bundle has no worker file beside it.
const threadPool = () => (pool ??= ogFonts().then((f) => drawPool({ size: THREADS, fonts: f, script: join(process.cwd(), 'src/lib/og/draw-worker.ts') })));

/** The PNG of a card, from the cache or freshly drawn. */
export const ogCards = cardCache({
  dir: OG_CACHE_DIR,
  rendererVersion,
  stats: cardStats(),
  draw: THREADS > 0 ? async (card: OgCard) => (await threadPool()).draw(card) : async (card: OgCard) => renderCard(card, await ogFonts()),
  // Two cards per thread: one drawing, one waiting in its queue, so no thread idles between cards.
  ahead: 2 * THREADS,
});

/**
 * Starts drawing a route's cards as soon as its paths are known (see drawAhead). Only in a build:
 * a dev server draws a card when it is asked for.
 */
export function drawCardsAhead(cards: readonly OgCard[]): void {
  if (import.meta.env.DEV) return;
  // Nothing to report here: a card that failed is drawn again, and fails the build, when asked for.
  ogCards.drawAhead(cards).catch(() => {});
}

export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
