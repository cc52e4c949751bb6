import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cardCache } from './cache.ts';
import type { OgCard } from './card.ts';
import { loadOgFonts, type OgFonts } from './fonts.ts';
import { renderCard } from './render.ts';
import { cardStats } from './stats.ts';

/** Bump when the card's design changes, so that cached cards are drawn anew. */
const CARD_DESIGN = 1;

/** Kept between builds (npm keeps node_modules/.cache); NEWS_OG_CACHE_DIR moves it, e.g. to measure a cold build. */
export const OG_CACHE_DIR = process.env.NEWS_OG_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/og');

const require = createRequire(join(process.cwd(), 'package.json'));
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
/** New versions of the renderers or of the font may draw differently: they are part of every key. */
const rendererVersion = [CARD_DESIGN, ...['satori', '@resvg/resvg-js', '@fontsource/noto-sans-thai'].map(version)].join(' ');

let fonts: Promise<OgFonts> | undefined;

/** The PNG of a card, from the cache or freshly drawn. */
export const ogCards = cardCache({
  dir: OG_CACHE_DIR,
  rendererVersion,
  stats: cardStats(),
  draw: async (card: OgCard) => renderCard(card, await (fonts ??= loadOgFonts(join(OG_CACHE_DIR, 'fonts')))),
});

export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
