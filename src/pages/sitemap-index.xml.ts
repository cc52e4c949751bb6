import type { APIRoute } from 'astro';
import { getSitemapPages } from '../data/sitemap.ts';
import { sitemapIndexXml } from '../lib/seo/sitemap.ts';

/** The index of the sitemap files (src/lib/seo/sitemap.ts); robots.txt points here. */
export const GET: APIRoute = async ({ site }) => {
  const files = new Set((await getSitemapPages()).map((page) => page.file));
  return new Response(sitemapIndexXml([...files], site ?? new URL('http://localhost/')), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
