import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import satori from 'satori';
import { cardElement, OG_HEIGHT, OG_WIDTH, type OgCard } from './card.ts';
import type { OgFonts } from './fonts.ts';
import { encodePng } from './png.ts';

/**
 * Satori lays the card out (line breaks, clamping) as SVG. The text stays text (embedFont: false)
 * so that resvg shapes it with its HarfBuzz port: satori's own glyph placement drops Thai tone marks
 * onto the vowel beneath them (ลิ้น, ปั่น), see vercel/satori#668.
 */
export function cardSvg(card: OgCard, fonts: OgFonts): Promise<string> {
  return satori(cardElement(card), { width: OG_WIDTH, height: OG_HEIGHT, fonts: fonts.satori, embedFont: false });
}

/** Rasterises satori's SVG with the same fonts, and only those: no system font may stand in. */
export function rasterize(svg: string, fonts: OgFonts): RenderedImage {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fonts.files, defaultFontFamily: 'Noto Sans Thai' } });
  return resvg.render();
}

/** The card as PNG, encoded by png.ts: faster than resvg's `asPng()`, and smaller, with the same pixels. */
export async function renderCard(card: OgCard, fonts: OgFonts): Promise<Buffer> {
  const image = rasterize(await cardSvg(card, fonts), fonts);
  return encodePng(image.pixels, image.width, image.height);
}
