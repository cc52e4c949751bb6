import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../support/build-site.ts';
import { cardCache, cardKey } from '../../src/lib/og/cache.ts';
import type { OgCard } from '../../src/lib/og/card.ts';
import { drawPool } from '../../src/lib/og/draw-pool.ts';
import { loadOgFonts, type OgFonts } from '../../src/lib/og/fonts.ts';
import { renderCard } from '../../src/lib/og/render.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'og-draw-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const card = (title: string): OgCard => ({ lang: 'th', title, siteName: 'ข่าวสองภาษา', label: 'ต่างประเทศ' });

/** A draw function whose cards finish only when the test says so, recording what was started. */
function manualDraw() {
  const started: string[] = [];
  const waiting = new Map<string, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();
  return {
    started,
    draw: (c: OgCard) =>
      new Promise<Buffer>((resolve, reject) => {
        started.push(c.title);
        waiting.set(c.title, { resolve, reject });
      }),
    finish: (title: string) => waiting.get(title)!.resolve(Buffer.from(`png of ${title}`)),
    fail: (title: string) => waiting.get(title)!.reject(new Error(`cannot draw ${title}`)),
  };
}

/** Lets promise callbacks that wait on no I/O run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('drawing ahead', () => {
  it('draws queued cards in order, a few at a time, and hands them to get() without drawing again', async () => {
    const m = manualDraw();
    const cache = cardCache({ dir: join(dir, 'ahead-1'), rendererVersion: 'v1', draw: m.draw, ahead: 2 });
    await cache.drawAhead(['a', 'b', 'c', 'd'].map(card));
    expect(m.started).toEqual(['a', 'b']);
    m.finish('a');
    expect((await cache.get(card('a'))).toString()).toBe('png of a');
    expect(m.started).toEqual(['a', 'b', 'c']);
    // b is under way: get() waits for it rather than drawing it a second time.
    const b = cache.get(card('b'));
    m.finish('b');
    expect((await b).toString()).toBe('png of b');
    m.finish('c');
    await cache.get(card('c'));
    m.finish('d');
    await cache.get(card('d'));
    expect(m.started).toEqual(['a', 'b', 'c', 'd']);
    expect(cache.stats).toMatchObject({ drawn: 4, reused: 0 });
    expect((await readdir(join(dir, 'ahead-1'))).sort()).toEqual(['a', 'b', 'c', 'd'].map((t) => `${cardKey(card(t), 'v1')}.png`).sort());
    // Two stories with the same headline share a card: drawn once, the second one comes from the cache.
    await cache.get(card('c'));
    expect(cache.stats).toMatchObject({ drawn: 4, reused: 1 });
  });

  it('lets a card that is asked for jump the queue', async () => {
    const m = manualDraw();
    const cache = cardCache({ dir: join(dir, 'ahead-2'), rendererVersion: 'v1', draw: m.draw, ahead: 1 });
    await cache.drawAhead(['a', 'b', 'c'].map(card));
    const c = cache.get(card('c'));
    expect(m.started).toEqual(['a', 'c']);
    m.finish('c');
    expect((await c).toString()).toBe('png of c');
    m.finish('a');
    await cache.get(card('a'));
    expect(m.started).toEqual(['a', 'c', 'b']);
    m.finish('b');
    await cache.get(card('b'));
  });

  it('skips cards already in the cache', async () => {
    const folder = join(dir, 'ahead-3');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${cardKey(card('a'), 'v1')}.png`), 'old png of a');
    const m = manualDraw();
    const cache = cardCache({ dir: folder, rendererVersion: 'v1', draw: m.draw, ahead: 4 });
    await cache.drawAhead(['a', 'b'].map(card));
    expect(m.started).toEqual(['b']);
    m.finish('b');
    expect((await cache.get(card('b'))).toString()).toBe('png of b');
    expect((await cache.get(card('a'))).toString()).toBe('old png of a');
    expect(cache.stats).toMatchObject({ drawn: 1, reused: 1 });
  });

  it('draws again, and fails, when a card drawn ahead failed', async () => {
    const m = manualDraw();
    const cache = cardCache({ dir: join(dir, 'ahead-4'), rendererVersion: 'v1', draw: m.draw, ahead: 1 });
    await cache.drawAhead([card('a')]);
    m.fail('a');
    await settle();
    const again = cache.get(card('a'));
    await vi.waitFor(() => expect(m.started).toEqual(['a', 'a']));
    m.fail('a');
    await expect(again).rejects.toThrow(/cannot draw a/);
  });

  it('does nothing when turned off', async () => {
    const m = manualDraw();
    await cardCache({ dir: join(dir, 'ahead-5'), rendererVersion: 'v1', draw: m.draw }).drawAhead([card('a')]);
    expect(m.started).toEqual([]);
  });
});

describe('the drawing threads', () => {
  let fonts: OgFonts;
  beforeAll(async () => {
    fonts = await loadOgFonts(join(dir, 'fonts'), projectRoot);
  });

  it('draw the same PNG as this thread does', async () => {
    const pool = drawPool({ size: 2, fonts, script: join(process.cwd(), 'src/lib/og/draw-worker.ts') });
    const cards = ['ผู้นำรัสเซียเยือนจีน', 'Putin visits China', 'ลิ้น ปั่น'].map(card);
    const drawn = await Promise.all(cards.map((c) => pool.draw(c)));
    for (const [i, c] of cards.entries()) expect(drawn[i]!.equals(await renderCard(c, fonts))).toBe(true);
    // Two threads start, load their fonts and draw three cards each way: seconds on a busy two-core machine.
  }, 30_000);

  it('fail the card, and every later one, when a thread cannot run', async () => {
    const pool = drawPool({ size: 1, fonts, script: join(dir, 'no-such-worker.ts') });
    await expect(pool.draw(card('a'))).rejects.toThrow(/social-card thread/);
    await expect(pool.draw(card('b'))).rejects.toThrow(/social-card thread/);
  });
});
