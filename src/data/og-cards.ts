import config from 'virtual:news/config';
import type { OgCard } from '../lib/og/card.ts';
import { createOgCards } from '../lib/og/index.ts';

/** The build's one card maker, from the settings (src/config.ts). */
export const ogCards = createOgCards({ cacheDir: config.ogCacheDir, threads: config.ogThreads, root: config.root });

/**
 * Starts drawing a route's cards as soon as its paths are known (see drawAhead). Only in a build:
 * a dev server draws a card when it is asked for.
 */
export function drawCardsAhead(cards: readonly OgCard[]): void {
  if (import.meta.env.DEV) return;
  // Nothing to report here: a card that failed is drawn again, and fails the build, when asked for.
  ogCards.drawAhead(cards).catch(() => {});
}
