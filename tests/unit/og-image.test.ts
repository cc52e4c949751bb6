import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../support/build-site.ts';
import { cardCache, cardKey } from '../../src/lib/og/cache.ts';
import { markThaiLineBreaks, OG_HEIGHT, OG_WIDTH, titleFontSize, type OgCard } from '../../src/lib/og/card.ts';
import { loadOgFonts, type OgFonts } from '../../src/lib/og/fonts.ts';
import { cardSvg, rasterize, renderCard } from '../../src/lib/og/render.ts';
import { woffToSfnt } from '../../src/lib/og/woff.ts';

let dir: string;
let fonts: OgFonts;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'og-test-'));
  fonts = await loadOgFonts(join(dir, 'fonts'), projectRoot);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const card = (title: string, lang: 'th' | 'en' = 'th'): OgCard => ({ lang, title, siteName: 'ข่าวสองภาษา', label: 'ต่างประเทศ' });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The rows of the headline area (below the site name) that hold dark ink, as [first, last] bands. */
async function inkBands(title: string): Promise<[number, number][]> {
  const { pixels } = rasterize(await cardSvg(card(title), fonts), fonts);
  const bands: [number, number][] = [];
  for (let y = 150; y < OG_HEIGHT; y++) {
    let ink = false;
    for (let x = 0; x < OG_WIDTH && !ink; x++) ink = pixels[(y * OG_WIDTH + x) * 4]! < 128;
    const last = bands.at(-1);
    if (ink && last && last[1] === y - 1) last[1] = y;
    else if (ink) bands.push([y, y]);
  }
  return bands;
}

describe('the fonts', () => {
  it('come from the installed npm package, WOFF for satori and TrueType for resvg', async () => {
    expect(fonts.satori.map((f) => f.name)).toEqual(['Noto Sans Thai', 'Noto Sans Thai Latin']);
    const ttf = woffToSfnt(fonts.satori[0]!.data);
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    expect(ttf.readUInt16BE(4)).toBe(fonts.satori[0]!.data.readUInt16BE(12));
    expect(fonts.files).toHaveLength(2);
  });

  it('refuses WOFF2, which it cannot unpack', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2\0\0\0\0'))).toThrow(/WOFF2/);
  });
});

describe('a social card', () => {
  it('is a 1200×630 PNG', async () => {
    expect(pngSize(await renderCard(card('ผู้นำรัสเซียเยือนจีน'), fonts))).toEqual({ width: 1200, height: 630 });
  });

  it('draws Thai letters, not one missing-glyph box for all of them', async () => {
    const a = await renderCard(card('กกกกกก'), fonts);
    const b = await renderCard(card('ขขขขขข'), fonts);
    expect(a.equals(b)).toBe(false);
  });

  it('draws the tone marks: a title differs from the same text without them', async () => {
    const title = 'ผู้นำรัสเซียเยือนจีนเพื่อกระชับความสัมพันธ์';
    const withoutToneMarks = title.replace(/[\u0E48-\u0E4B]/g, '');
    expect(withoutToneMarks).not.toBe(title);
    const a = await renderCard(card(title), fonts);
    const b = await renderCard(card(withoutToneMarks), fonts);
    expect(a.equals(b)).toBe(false);
  });

  it('stacks a tone mark just above an upper vowel, as HarfBuzz and browsers do', async () => {
    // ล้น: the tone mark sits on the consonant. ลิ้น: the font's mark-to-mark rule lifts it onto the
    // vowel ิ, by less than its own height. Satori's own glyph placement lifts it twice as far.
    const [bare] = await inkBands('ล้น');
    const [lifted, vowel] = await inkBands('ลิ้น');
    const markHeight = bare![1] - bare![0];
    expect(bare![0] - lifted![0]).toBeGreaterThan(0);
    expect(bare![0] - lifted![0]).toBeLessThan(markHeight);
    // And it does not touch the vowel: blank rows lie between them.
    expect(vowel![0]).toBeGreaterThan(lifted![1] + 1);
  });

  it('breaks Thai lines between words, which Unicode line breaking alone does not know', () => {
    expect(markThaiLineBreaks('ผู้นำรัสเซียเยือนจีน 75 ปี')).toBe('ผู้นำ\u200Bรัสเซีย\u200Bเยือน\u200Bจีน 75 ปี');
    expect(markThaiLineBreaks('Putin visits China')).toBe('Putin visits China');
  });

  it('sets long headlines smaller', () => {
    expect(titleFontSize('สั้น')).toBeGreaterThan(titleFontSize('ยาว'.repeat(60)));
  });
});

describe('the card cache', () => {
  const fakePng = (c: OgCard) => Promise.resolve(Buffer.from(`png of ${c.title}`));

  it('draws a card once; a rebuild with the same title reads it back without drawing', async () => {
    const cacheDir = join(dir, 'cache-1');
    const draw = vi.fn(fakePng);
    const first = cardCache({ dir: cacheDir, rendererVersion: 'v1', draw });
    expect((await first.get(card('หนึ่ง'))).toString()).toBe('png of หนึ่ง');
    expect(first.stats).toMatchObject({ drawn: 1, reused: 0 });

    // A new build: a new cache object over the same folder.
    const second = cardCache({ dir: cacheDir, rendererVersion: 'v1', draw });
    expect((await second.get(card('หนึ่ง'))).toString()).toBe('png of หนึ่ง');
    expect(second.stats).toMatchObject({ drawn: 0, reused: 1 });
    expect(draw).toHaveBeenCalledTimes(1);
    expect(await readdir(cacheDir)).toHaveLength(1);
  });

  it('draws again when the title, the language or the renderer changes', async () => {
    const cacheDir = join(dir, 'cache-2');
    const draw = vi.fn(fakePng);
    const cache = cardCache({ dir: cacheDir, rendererVersion: 'v1', draw });
    await cache.get(card('หนึ่ง'));
    await cache.get(card('สอง'));
    await cache.get({ ...card('หนึ่ง'), lang: 'en' });
    await cardCache({ dir: cacheDir, rendererVersion: 'v2', draw }).get(card('หนึ่ง'));
    expect(draw).toHaveBeenCalledTimes(4);
    expect(cardKey(card('หนึ่ง'), 'v1')).not.toBe(cardKey(card('หนึ่ง'), 'v2'));
  });
});
