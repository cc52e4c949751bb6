import type { APIRoute } from 'astro';
import { getSearchBundleNames, getSearchBundleStories } from '../../data/search-records.ts';
import { searchRecordsFile } from '../../lib/search/bundles.ts';

/**
 * One search bundle's stories as the index reads them (src/data/search-records.ts), for the search
 * index integration, which reads these files once the pages are written and removes them from the site.
 */
export async function getStaticPaths() {
  const bundles = await getSearchBundleNames();
  return bundles.map((bundle) => ({ params: { bundle: searchRecordsFile(bundle).replace(/\.json$/, '') }, props: { bundle } }));
}

export const GET: APIRoute<{ bundle: string }> = async ({ props }) => Response.json(await getSearchBundleStories(props.bundle));
