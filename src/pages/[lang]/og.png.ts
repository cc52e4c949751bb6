import type { APIRoute } from 'astro';
import { languages, ui } from '../../lib/i18n/index.ts';
import type { OgCard } from '../../lib/og/card.ts';
import { ogCards, pngResponse } from '../../lib/og/index.ts';

/** The language's site card, shared by the front page, listings and search. */
export function getStaticPaths() {
  return languages.map((lang) => {
    const t = ui(lang);
    const card: OgCard = { lang, title: t.siteTagline, siteName: t.siteName, label: t.languageName };
    return { params: { lang }, props: { card } };
  });
}

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => pngResponse(await ogCards.get(props.card));
