import type { AstroIntegration } from 'astro';
import { cardStats } from '../lib/og/stats.ts';

/** Says at the end of the build how many social cards were drawn and how many came from the cache. */
export function ogCardReport(): AstroIntegration {
  return {
    name: 'news-og-cards',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { drawn, reused, drawMs } = cardStats();
        logger.info(`social cards: ${drawn} drawn in ${(drawMs / 1000).toFixed(1)} s, ${reused} from the cache`);
      },
    },
  };
}
