import type { APIRoute } from 'astro';
import config from 'virtual:news/config';
import { getStories } from '../data/stories.ts';
import { searchBundleManifest } from '../lib/search/bundles.ts';
import { articlePath } from '../lib/urls.ts';

/**
 * Which stories each search bundle indexes, from the stories as the content loader read them. Read by
 * the search index integration once the pages are written, and removed from the site by it.
 */
export const GET: APIRoute = async () => {
  const stories = await getStories();
  const manifest = searchBundleManifest(
    stories.map((s) => ({ published: s.published, pages: s.languages.map((lang) => articlePath(lang, s.slug)) })),
    config.searchBundlePeriod,
  );
  return Response.json(manifest);
};
