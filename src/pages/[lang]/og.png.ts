import type { APIRoute } from 'astro';
import { languages, ui } from '../../lib/i18n/index.ts';
import type { OgCard } from '../../lib/og/card.ts';
import { drawCardsAhead, ogCards } from '../../data/og-cards.ts';
import { pngResponse } from '../../lib/og/index.ts';

/** The language's site card, shared by the front page, listings and search. */
export function getStaticPaths() {
  const paths = languages.map((lang) => {
    const t = ui(lang);
    const card: OgCard = { lang, title: t.siteTagline, siteName: t.siteName, label: t.languageName };
    return { params: { lang }, props: { card } };
  });
  drawCardsAhead(paths.map((p) => p.props.card));
  return paths;
}

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => pngResponse(await ogCards.get(props.card));
