import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import config from 'virtual:news/config';
import { getStoriesIn } from '../../data/stories.ts';
import { channelData, FEED_SIZE, feedItem, feedNamespaces } from '../../lib/feeds/rss.ts';
import { languages, ui, type Lang } from '../../lib/i18n/index.ts';
import { articleMeta } from '../../lib/seo/article-meta.ts';
import { homePath } from '../../lib/urls.ts';

export function getStaticPaths() {
  return languages.map((lang) => ({ params: { lang }, props: { lang } }));
}

/** The newest stories readable in one language, each with its dek, date, section and other-language link. */
export const GET: APIRoute<{ lang: Lang }> = async ({ props, site }) => {
  const { lang } = props;
  const t = ui(lang);
  const base = site ?? new URL('http://localhost/');
  const articles = (await getStoriesIn(lang)).slice(0, FEED_SIZE).map(({ story }) => articleMeta(story, lang, config));
  const newest = articles.length > 0 ? new Date(Math.max(...articles.map((a) => a.modified.getTime()))) : undefined;
  return rss({
    title: t.feedTitle,
    description: t.siteTagline,
    site: new URL(homePath(lang), base),
    xmlns: feedNamespaces,
    customData: channelData(lang, base, newest),
    items: articles.map((article) => feedItem(article, base)),
  });
};
