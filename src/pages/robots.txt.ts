import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/seo/sitemap.ts';

/** Generated so that the sitemap address follows the configured site (SITE_URL). */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site ?? new URL('http://localhost/')), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
