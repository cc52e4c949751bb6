import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/build-site.ts';
import { loadOgFonts, type OgFonts } from '../../src/lib/og/fonts.ts';
import { encodePng } from '../../src/lib/og/png.ts';
import { cardSvg, rasterize, renderCard } from '../../src/lib/og/render.ts';

interface Decoded {
  width: number;
  height: number;
  colourType: number;
  paletteSize: number | undefined;
  rgba: Buffer;
}

/** Reads back what encodePng writes (one IDAT, filter 0 on every row), checking every chunk's CRC. */
function decodePng(png: Buffer): Decoded {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.set(type, png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  expect([...chunks.keys()].at(-1)).toBe('IEND');
  const ihdr = chunks.get('IHDR')!;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const colourType = ihdr[9]!;
  expect([ihdr[8], ihdr[10], ihdr[11], ihdr[12]]).toEqual([8, 0, 0, 0]);
  const channels = colourType === 3 ? 1 : 4;
  const raw = inflateSync(chunks.get('IDAT')!);
  expect(raw.length).toBe((width * channels + 1) * height);
  const rgba = Buffer.alloc(width * height * 4);
  const palette = chunks.get('PLTE');
  const alpha = chunks.get('tRNS');
  let badFilters = 0;
  let maxIndex = 0;
  for (let y = 0; y < height; y++) {
    const row = y * (width * channels + 1);
    if (raw[row] !== 0) badFilters++;
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      if (colourType === 6) raw.copy(rgba, out, row + 1 + x * 4, row + 1 + x * 4 + 4);
      else {
        const index = raw[row + 1 + x]!;
        maxIndex = Math.max(maxIndex, index);
        palette!.copy(rgba, out, index * 3, index * 3 + 3);
        rgba[out + 3] = alpha?.[index] ?? 255;
      }
    }
  }
  expect(badFilters, 'rows not filtered with 0').toBe(0);
  if (palette) expect(maxIndex * 3).toBeLessThan(palette.length);
  return { width, height, colourType, paletteSize: palette ? palette.length / 3 : undefined, rgba };
}

/** width×height pixels whose colour is colourAt(x, y) as [r, g, b, a]. */
function image(width: number, height: number, colourAt: (x: number, y: number) => number[]): Buffer {
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set(colourAt(x, y), (y * width + x) * 4);
  return rgba;
}

describe('encodePng', () => {
  it('writes an image of few colours as a palette, with the same pixels', () => {
    const colours = [
      [255, 255, 255, 255],
      [30, 64, 175, 255],
      [15, 23, 42, 255],
    ];
    // Rows in pairs, as a card's blank rows repeat: the second of each pair is copied, not looked up.
    const rgba = image(7, 5, (x, y) => colours[(x * (y >> 1)) % 3]!);
    const decoded = decodePng(encodePng(rgba, 7, 5));
    expect(decoded).toMatchObject({ width: 7, height: 5, colourType: 3, paletteSize: 3 });
    expect(decoded.rgba.equals(rgba)).toBe(true);
  });

  it('keeps transparency in a palette image', () => {
    const rgba = image(4, 3, (x) => (x === 0 ? [0, 0, 0, 0] : [200, 10, 10, 128 + x]));
    expect(decodePng(encodePng(rgba, 4, 3)).rgba.equals(rgba)).toBe(true);
  });

  it('writes an image of more than 256 colours as RGBA', () => {
    const rgba = image(20, 20, (x, y) => [x * 12, y * 12, (x + y) % 256, 255]);
    const decoded = decodePng(encodePng(rgba, 20, 20));
    expect(decoded.colourType).toBe(6);
    expect(decoded.rgba.equals(rgba)).toBe(true);
  });

  it('takes pixels that do not start on a 4-byte boundary', () => {
    const rgba = image(3, 2, (x) => [x, x, x, 255]);
    const shifted = new Uint8Array(rgba.length + 1).subarray(1);
    shifted.set(rgba);
    expect(decodePng(encodePng(shifted, 3, 2)).rgba.equals(rgba)).toBe(true);
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodePng(Buffer.alloc(10), 2, 2)).toThrow(/2×2/);
  });
});

describe('a card as PNG', () => {
  let dir: string;
  let fonts: OgFonts;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'og-png-test-'));
    fonts = await loadOgFonts(join(dir, 'fonts'), projectRoot);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has exactly the pixels resvg drew, in a palette, smaller than resvg would write it', async () => {
    const card = { lang: 'th' as const, title: 'ผู้นำรัสเซียเยือนจีนเพื่อกระชับความสัมพันธ์ ลิ้น ปั่น', siteName: 'ข่าวสองภาษา', label: 'ต่างประเทศ' };
    const drawn = rasterize(await cardSvg(card, fonts), fonts);
    const png = await renderCard(card, fonts);
    const decoded = decodePng(png);
    expect(decoded).toMatchObject({ width: 1200, height: 630, colourType: 3 });
    expect(decoded.rgba.equals(drawn.pixels)).toBe(true);
    expect(png.length).toBeLessThan(drawn.asPng().length);
    // The blue band along the top, 24 px, then white.
    const pixel = (x: number, y: number) => [...decoded.rgba.subarray((y * 1200 + x) * 4, (y * 1200 + x) * 4 + 4)];
    expect([pixel(0, 0), pixel(600, 23), pixel(600, 24)]).toEqual([
      [0x1e, 0x40, 0xaf, 255],
      [0x1e, 0x40, 0xaf, 255],
      [255, 255, 255, 255],
    ]);
  });
});
