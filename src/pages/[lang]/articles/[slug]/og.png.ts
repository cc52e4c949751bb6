import type { APIRoute } from 'astro';
import { getStories } from '../../../../data/stories.ts';
import { ui } from '../../../../lib/i18n/index.ts';
import type { OgCard } from '../../../../lib/og/card.ts';
import config from 'virtual:news/config';
import { drawCardsAhead, ogCards } from '../../../../data/og-cards.ts';
import { pngResponse } from '../../../../lib/og/index.ts';
import { changedPages } from '../../../../lib/page-digest.ts';

/** The social card of each story version: its headline, the site name and the section. */
export async function getStaticPaths() {
  if (!config.storyCards) return [];
  const stories = await getStories();
  const all = stories.flatMap((story) =>
    story.languages.map((lang) => {
      const card: OgCard = { lang, title: story.versions[lang]!.data.title, siteName: ui(lang).siteName, label: ui(lang).sectionNames[story.section] };
      return { params: { lang, slug: story.slug }, props: { card } };
    }),
  );
  const paths = changedPages('/[lang]/articles/[slug]/og.png', all);
  drawCardsAhead(paths.map((p) => p.props.card));
  return paths;
}

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => pngResponse(await ogCards.get(props.card));
