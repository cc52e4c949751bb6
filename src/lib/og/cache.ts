import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OgCard } from './card.ts';

export interface CardStats {
  /** Cards drawn by satori and resvg in this build. */
  drawn: number;
  /** Cards taken from the cache unchanged. */
  reused: number;
  /** Time during which cards were being drawn, in milliseconds (wall time: threads draw side by side). */
  drawMs: number;
}

/** The cache key: everything that changes the picture, including the renderer's own version. */
export function cardKey(card: OgCard, rendererVersion: string): string {
  return createHash('sha256')
    .update(JSON.stringify([rendererVersion, card.lang, card.siteName, card.label, card.title]))
    .digest('hex');
}

export interface CardCache {
  /** The card's PNG: from the cache, from a drawing already under way, or drawn now. */
  get: (card: OgCard) => Promise<Buffer>;
  /**
   * Queues the cards the cache lacks, to be drawn in this order, a few at a time (`ahead`), before
   * they are asked for: the build asks for one card at a time and waits, which would leave all but
   * one drawing thread idle. A card asked for before its turn jumps the queue.
   */
  drawAhead: (cards: readonly OgCard[]) => Promise<void>;
  stats: CardStats;
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
  /** How many cards drawAhead keeps drawing at once; 0 turns it off. */
  ahead?: number;
}): CardCache {
  const stats = opts.stats ?? { drawn: 0, reused: 0, drawMs: 0 };
  const ahead = opts.ahead ?? 0;
  const fileOf = (key: string) => join(opts.dir, `${key}.png`);
  /** Queued by drawAhead, not yet started, in order (a Map keeps insertion order). */
  const queued = new Map<string, OgCard>();
  const drawing = new Map<string, Promise<Buffer>>();
  /** Cards drawn in this build, and those a get() has had: a card's first get() is not "from the cache", later ones are. */
  const drawnHere = new Set<string>();
  const handedOut = new Set<string>();
  let busySince = 0;

  function start(key: string, card: OgCard): Promise<Buffer> {
    if (drawing.size === 0) busySince = performance.now();
    const done = (async () => {
      const png = await opts.draw(card);
      await mkdir(opts.dir, { recursive: true });
      // Written aside and renamed into place, so an interrupted build never leaves half a PNG behind.
      const file = fileOf(key);
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, png);
      await rename(partial, file);
      stats.drawn++;
      drawnHere.add(key);
      return png;
    })();
    drawing.set(key, done);
    const settled = () => {
      drawing.delete(key);
      if (drawing.size === 0) stats.drawMs += performance.now() - busySince;
      pump();
    };
    // A card drawn ahead may fail with nobody waiting: get() draws it again and reports the error.
    done.then(settled, settled);
    return done;
  }

  function pump(): void {
    for (const [key, card] of queued) {
      if (drawing.size >= ahead) return;
      queued.delete(key);
      if (!drawing.has(key)) start(key, card);
    }
  }

  return {
    stats,
    async get(card) {
      const key = cardKey(card, opts.rendererVersion);
      const underWay = drawing.get(key);
      if (underWay || queued.delete(key)) {
        handedOut.add(key);
        return underWay ?? start(key, card);
      }
      const cached = await readFile(fileOf(key)).catch(() => null);
      if (cached) {
        if (drawnHere.has(key) && !handedOut.has(key)) handedOut.add(key);
        else stats.reused++;
        return cached;
      }
      handedOut.add(key);
      return drawing.get(key) ?? start(key, card);
    },
    async drawAhead(cards) {
      if (ahead === 0) return;
      const present = new Set(await readdir(opts.dir).catch(() => []));
      for (const card of cards) {
        const key = cardKey(card, opts.rendererVersion);
        if (!present.has(`${key}.png`) && !drawing.has(key) && !drawnHere.has(key)) queued.set(key, card);
      }
      pump();
    },
  };
}
