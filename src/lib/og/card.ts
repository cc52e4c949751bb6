import type { Lang } from '../i18n/languages.ts';

/** What a social card shows. Everything that changes the picture is here, so it can key the cache. */
export interface OgCard {
  lang: Lang;
  /** The headline, or the site's tagline on a front-page card. */
  title: string;
  siteName: string;
  /** A small label beside the site name, e.g. the section. */
  label: string;
}

/** Open Graph's recommended size; every platform crops from it. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The font families as satori knows them: Thai glyphs first, Latin from its own subset file. */
export const OG_FONT_FAMILY = 'Noto Sans Thai, Noto Sans Thai Latin';

/** Long headlines get a smaller size so that most fit in four lines; the rest end in an ellipsis. */
export function titleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 40) return 72;
  if (length <= 80) return 60;
  return 52;
}

const THAI_RUN = /[\u0E00-\u0E7F]+/g;
let segmenter: Intl.Segmenter | undefined;

/**
 * Thai is written without spaces between words, and satori breaks lines only where Unicode's line
 * breaking rules allow, which know no Thai words. A zero-width space between the words the ICU
 * segmenter finds (as browsers do) gives it those break points; it draws nothing.
 */
export function markThaiLineBreaks(text: string): string {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const words = segmenter;
  return text.replace(THAI_RUN, (run) => [...words.segment(run)].map((s) => s.segment).join('\u200B'));
}

/** A satori element: the plain-object form of JSX, so no React is needed. */
export interface OgElement {
  type: 'div';
  props: { style: Record<string, string | number>; children: string | OgElement[] };
}

const div = (style: Record<string, string | number>, children: string | OgElement[]): OgElement => ({ type: 'div', props: { style, children } });

/** The blue band along the top edge. */
const BAND = 24;

/**
 * The card: a blue band along the top, site name and label below it, the headline large below, in
 * the site's blue. One weight (bold) throughout: resvg falls back to the first font that has a glyph
 * whatever its weight, so a second weight would mix up the Latin letters of Thai headlines.
 */
export function cardElement(card: OgCard): OgElement {
  return div(
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: '#ffffff',
      color: '#0f172a',
      fontFamily: OG_FONT_FAMILY,
      fontWeight: 700,
      padding: `${40 + BAND}px 64px 56px`,
    },
    [
      // A box of its own rather than a top border: satori draws a border through three clip paths,
      // each a full-size mask for resvg, which made the raster slower (bench/og-cards.ts), for the same pixels.
      div({ position: 'absolute', top: 0, left: 0, width: OG_WIDTH, height: BAND, backgroundColor: '#1e40af' }, []),
      div({ display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 34 }, [
        div({ color: '#1e40af' }, card.siteName),
        div({ color: '#64748b', fontSize: 30 }, card.label),
      ]),
      div(
        {
          display: 'block',
          marginTop: 'auto',
          marginBottom: 'auto',
          fontSize: titleFontSize(card.title),
          // Thai stacks vowels and tone marks above and below the letters: give the lines room.
          lineHeight: 1.45,
          lineClamp: 4,
        },
        markThaiLineBreaks(card.title),
      ),
    ],
  );
}
