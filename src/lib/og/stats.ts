import type { CardStats } from './cache.ts';

// Astro renders the card endpoints from its own bundle of the og modules, while the build report
// (src/integrations/og-cards.ts) loads them from the config: the counters live on globalThis so that
// both copies count into, and read, the same object.
const STATS_KEY = '__newsOgCardStats';

export function cardStats(): CardStats {
  const store = globalThis as typeof globalThis & { [STATS_KEY]?: CardStats };
  return (store[STATS_KEY] ??= { drawn: 0, reused: 0, drawMs: 0 });
}
