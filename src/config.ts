import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'astro/zod';
import { defaultReportAddress, reportAddressProblem } from './lib/report.ts';
import { SEARCH_BUNDLE_PERIODS } from './lib/search/bundles.ts';

/**
 * The site's settings, in one typed place. `astro.config.mjs` and the command-line tools parse the
 * environment once with `configFromEnvironment`; the build hooks get the values as options, and pages
 * and the content loader read them from `virtual:news/config` (src/integrations/news-config.ts).
 * Paths are absolute once parsed.
 */
export const newsConfigSchema = z.strictObject({
  /** The project folder (installed packages, source modules that worker threads run). */
  root: z.string().min(1),
  /** The public address, for canonical and hreflang URLs. */
  site: z.url({ protocol: /^https?$/ }),
  /** Where the site is written (the build stages it beside this folder and swaps it in). */
  outDir: z.string().min(1),
  /** Astro's build cache. */
  cacheDir: z.string().min(1),
  /** The stories: content/articles, or generated content of tests and benchmarks. */
  contentDir: z.string().min(1),
  /** A card per story; off, every page uses its language's site card (the corpus test build). */
  storyCards: z.boolean(),
  /** Social cards kept between builds, by content. */
  ogCacheDir: z.string().min(1),
  /** Threads that draw social cards beside the build's own; 0 draws on the build's thread. */
  ogThreads: z.int().min(0),
  /** Search index bundles indexed side by side, each on a thread with its own Pagefind process. */
  searchThreads: z.int().min(1),
  /** The period of publication each search index bundle covers (see src/lib/search/bundles.ts). */
  searchBundlePeriod: z.enum(SEARCH_BUNDLE_PERIODS),
  /** Where readers' error reports go: a mailto: address or a form's URL template (src/lib/report.ts). */
  reportAddress: z.string().refine((address) => reportAddressProblem(address) === null),
  /** The live site to publish onto incrementally (set by the build script); empty for a full build. */
  previousSite: z.string(),
  /** The build script writes the search index and manifest after Astro's process ends (see incremental-publish.ts). */
  deferSearchIndex: z.boolean(),
});
export type NewsConfig = z.output<typeof newsConfigSchema>;

/** Settings that cannot be used; its message names each variable and its fix. */
export class ConfigError extends Error {}

type Environment = Record<string, string | undefined>;

/** Each setting's environment variable, what it takes, and its default. */
const variables = {
  site: { name: 'SITE_URL', takes: 'an http(s) address', default: () => 'http://localhost:4321' },
  outDir: { name: 'NEWS_OUT_DIR', takes: 'a folder', default: () => 'dist' },
  cacheDir: { name: 'NEWS_CACHE_DIR', takes: 'a folder', default: () => 'node_modules/.astro' },
  contentDir: { name: 'NEWS_CONTENT_DIR', takes: 'a folder of stories', default: () => 'content/articles' },
  storyCards: { name: 'NEWS_SOCIAL_CARDS', takes: '"on" or "off"', default: () => 'on' },
  ogCacheDir: { name: 'NEWS_OG_CACHE_DIR', takes: 'a folder', default: () => 'node_modules/.cache/og' },
  // The card routes are rendered before the pages, so the build's thread mostly waits meanwhile:
  // one drawing thread per core, up to 4.
  ogThreads: { name: 'NEWS_OG_THREADS', takes: 'a whole number, 0 or more', default: () => String(Math.min(4, availableParallelism())) },
  // Pagefind indexes a bundle's month on one core: one month per core, up to 2, while their stories fit the memory budget in search-index.ts.
  searchThreads: { name: 'NEWS_SEARCH_THREADS', takes: 'a whole number, 1 or more', default: () => String(Math.min(2, availableParallelism())) },
  searchBundlePeriod: { name: 'NEWS_SEARCH_BUNDLE_PERIOD', takes: `one of ${SEARCH_BUNDLE_PERIODS.join(', ')}`, default: () => 'year' },
  // Empty: mailto:corrections@ the domain of SITE_URL.
  reportAddress: { name: 'NEWS_REPORT_ADDRESS', takes: 'a mailto: address, or an http(s) form address with {url} or {story}', default: () => '' },
  // Set by scripts/build.ts to the live version unless --full; empty builds the whole site.
  previousSite: { name: 'NEWS_PREVIOUS_SITE', takes: 'a folder holding a built site', default: () => '' },
  // Set by scripts/build.ts, which indexes once Astro's process has ended; off, `astro build` indexes itself.
  deferSearchIndex: { name: 'NEWS_DEFER_SEARCH_INDEX', takes: '"on" or "off"', default: () => 'off' },
} as const satisfies Record<Exclude<keyof NewsConfig, 'root'>, { name: string; takes: string; default: () => string }>;

const PATHS = ['outDir', 'cacheDir', 'contentDir', 'ogCacheDir'] as const;

/**
 * Reads the settings from environment variables (each unset one takes its default), with paths
 * resolved against the project root. A bad value throws one message naming every variable to fix.
 */
export function configFromEnvironment(env: Environment, root: string): NewsConfig {
  const raw = Object.fromEntries(Object.entries(variables).map(([key, v]) => [key, env[v.name] || v.default()])) as Record<keyof typeof variables, string>;
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);
  const onOff = (text: string) => (text === 'on' ? true : text === 'off' ? false : text);
  const input = {
    ...raw,
    root,
    ...Object.fromEntries(PATHS.map((key) => [key, isAbsolute(raw[key]) ? raw[key] : resolve(root, raw[key])])),
    previousSite: raw.previousSite && resolve(root, raw.previousSite),
    storyCards: onOff(raw.storyCards),
    deferSearchIndex: onOff(raw.deferSearchIndex),
    ogThreads: whole(raw.ogThreads),
    searchThreads: whole(raw.searchThreads),
    reportAddress: raw.reportAddress || (URL.canParse(raw.site) ? defaultReportAddress(new URL(raw.site)) : ''),
  };
  const parsed = newsConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0] as keyof typeof variables;
    const v = variables[key];
    const why = key === 'reportAddress' ? ` (${reportAddressProblem(String(input.reportAddress))})` : '';
    return `${v.name}=${JSON.stringify(raw[key])}: must be ${v.takes}${why}. Fix: set it to ${v.takes}, or unset it for the default (${v.default() || 'derived from SITE_URL'}).`;
  });
  throw new ConfigError(`Invalid settings in the environment:\n${problems.join('\n')}`);
}
