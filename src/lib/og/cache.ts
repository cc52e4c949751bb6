import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OgCard } from './card.ts';

export interface CardStats {
  /** Cards drawn by satori and resvg in this build. */
  drawn: number;
  /** Cards taken from the cache unchanged. */
  reused: number;
  /** Time spent drawing, in milliseconds. */
  drawMs: number;
}

/** The cache key: everything that changes the picture, including the renderer's own version. */
export function cardKey(card: OgCard, rendererVersion: string): string {
  return createHash('sha256')
    .update(JSON.stringify([rendererVersion, card.lang, card.siteName, card.label, card.title]))
    .digest('hex');
}

/**
 * A content-addressed PNG cache: a card is drawn once per distinct content and then read back, so a
 * rebuild with unchanged titles draws nothing. Keys are content hashes, so several sites may share
 * the folder.
 */
export function cardCache(opts: {
  dir: string;
  rendererVersion: string;
  draw: (card: OgCard) => Promise<Buffer>;
  stats?: CardStats;
}): { get: (card: OgCard) => Promise<Buffer>; stats: CardStats } {
  const stats = opts.stats ?? { drawn: 0, reused: 0, drawMs: 0 };
  return {
    stats,
    async get(card) {
      const file = join(opts.dir, `${cardKey(card, opts.rendererVersion)}.png`);
      const cached = await readFile(file).catch(() => null);
      if (cached) {
        stats.reused++;
        return cached;
      }
      const start = performance.now();
      const png = await opts.draw(card);
      stats.drawMs += performance.now() - start;
      stats.drawn++;
      await mkdir(opts.dir, { recursive: true });
      // Written aside and renamed into place, so an interrupted build never leaves half a PNG behind.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, png);
      await rename(partial, file);
      return png;
    },
  };
}
