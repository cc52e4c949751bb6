import type { APIRoute } from 'astro';
import { getSitemapPages } from '../../data/sitemap.ts';
import { changedPages } from '../../lib/page-digest.ts';
import { urlsetXml, withAlternates } from '../../lib/seo/sitemap.ts';

/** One sitemap file: the listings, or one month's stories (src/lib/seo/sitemap.ts). */
export async function getStaticPaths() {
  const pages = await getSitemapPages();
  const entries = withAlternates(pages.map((page) => page.path));
  const files = new Map<string, typeof entries>();
  pages.forEach((page, i) => {
    const list = files.get(page.file) ?? files.set(page.file, []).get(page.file)!;
    list.push(entries[i]!);
  });
  return changedPages(
    '/sitemaps/[file].xml',
    [...files].map(([file, fileEntries]) => ({ params: { file }, props: { entries: fileEntries } })),
  );
}

interface Props {
  entries: ReturnType<typeof withAlternates>;
}

export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(urlsetXml(props.entries, site ?? new URL('http://localhost/')), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
