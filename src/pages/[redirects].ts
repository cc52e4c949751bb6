import type { APIRoute } from 'astro';
import { getStories } from '../data/stories.ts';
import { formerAddresses, redirectsFile } from '../lib/redirects.ts';

/** `_redirects` at the site root (Netlify, Cloudflare Pages): a 301 from each former address of a renamed story. */
export function getStaticPaths() {
  return [{ params: { redirects: '_redirects' } }];
}

export const GET: APIRoute = async () =>
  new Response(redirectsFile(formerAddresses(await getStories())), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
