import { constants, crc32, deflateSync } from 'node:zlib';

/**
 * Run-length matching only: a card's rows are long runs of one colour, which this finds far faster
 * than zlib's default search, for somewhat larger files (bench/og-cards.ts measures both).
 */
const DEFLATE = { strategy: constants.Z_RLE };

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function header(width: number, height: number, colourType: 3 | 6): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per sample (RGBA) or per palette index
  ihdr[9] = colourType;
  // compression, filter method and interlace: all 0, the only or plain choices
  return chunk('IHDR', ihdr);
}

/**
 * The image as palette indices, one byte a pixel, each row led by its filter byte (0: none, which
 * suits indexed images best), and the palette as RGBA; null when it has more than 256 colours.
 */
function indexed(rgba: Uint8Array, width: number, height: number): { rows: Buffer; palette: number[][] } | null {
  // Whole pixels as one number each; a copy when the bytes do not start on a 4-byte boundary.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const rows = Buffer.alloc((width + 1) * height);
  const indexOf = new Map<number, number>();
  const palette: number[][] = [];
  // Most pixels repeat the one before (the background, the inside of letters): skip the lookup.
  let previous = -1;
  let index = 0;
  const rowBytes = width * 4;
  for (let y = 0; y < height; y++) {
    const from = y * width;
    const to = y * (width + 1) + 1;
    // Half a card's rows repeat the row above (margins, the band): copy its indices.
    if (y > 0 && Buffer.compare(aligned.subarray(from * 4, from * 4 + rowBytes), aligned.subarray(from * 4 - rowBytes, from * 4)) === 0) {
      rows.copyWithin(to, to - width - 1, to - 1);
      continue;
    }
    for (let x = 0; x < width; x++) {
      const pixel = pixels[from + x]!;
      if (pixel !== previous) {
        let found = indexOf.get(pixel);
        if (found === undefined) {
          if (palette.length === 256) return null;
          found = palette.length;
          indexOf.set(pixel, found);
          const at = (from + x) * 4;
          palette.push([aligned[at]!, aligned[at + 1]!, aligned[at + 2]!, aligned[at + 3]!]);
        }
        previous = pixel;
        index = found;
      }
      rows[to + x] = index;
    }
  }
  return { rows, palette };
}

/**
 * Encodes 8-bit RGBA pixels (resvg's `render().pixels`) as PNG, in a fifth of the time of resvg's
 * own `asPng()`. A card is flat colours and their antialiased edges, well under 256 colours, so it
 * is written as an indexed image: a quarter of the bytes to compress and a file half the size, with
 * the same pixels. Images with more colours are written as RGBA.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width}×${height} RGBA pixels, got ${rgba.length} bytes`);
  const image = indexed(rgba, width, height);
  if (!image) {
    const rows = Buffer.alloc((width * 4 + 1) * height);
    for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
    return Buffer.concat([SIGNATURE, header(width, height, 6), chunk('IDAT', deflateSync(rows, DEFLATE)), chunk('IEND', Buffer.alloc(0))]);
  }
  const { rows, palette } = image;
  const parts = [SIGNATURE, header(width, height, 3), chunk('PLTE', Buffer.from(palette.flatMap(([r, g, b]) => [r!, g!, b!])))];
  // Alpha per palette entry, only when some colour is not opaque (a card never is).
  if (palette.some((colour) => colour[3] !== 255)) parts.push(chunk('tRNS', Buffer.from(palette.map((colour) => colour[3]!))));
  parts.push(chunk('IDAT', deflateSync(rows, DEFLATE)), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
