import type { APIRoute } from 'astro';
import { getSearchBundleGroups, searchStoryOf } from '../../data/search-records.ts';
import type { ArticleStory } from '../../data/stories.ts';
import { changedPages } from '../../lib/page-digest.ts';
import { searchRecordsFile, type SearchBundleStories } from '../../lib/search/bundles.ts';

/**
 * One search bundle's stories as the index reads them (src/data/search-records.ts), for the search
 * index integration, which reads these files once the pages are written and removes them from the
 * site. An incremental build writes the files of the bundles whose stories changed; the index keeps
 * the live site's other bundles.
 */
export async function getStaticPaths() {
  const groups = await getSearchBundleGroups();
  const paths = [...groups].map(([bundle, stories]) => ({ params: { bundle: searchRecordsFile(bundle).replace(/\.json$/, '') }, props: { bundle, stories } }));
  return changedPages('/search-records/[bundle].json', paths);
}

export const GET: APIRoute<{ bundle: string; stories: ArticleStory[] }> = ({ props }) =>
  Response.json({ bundle: props.bundle, stories: props.stories.map(searchStoryOf) } satisfies SearchBundleStories);
