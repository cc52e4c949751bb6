import { createHash } from 'node:crypto';

/**
 * Incremental publishing rests on one rule: a page's bytes are a function of the code and of the
 * props its route's getStaticPaths gives it. So a page whose props digest (with the code's digest) is
 * the one the published site recorded is left as it is, and every other page is built again. No
 * route has to say which stories it shows: the digests decide.
 */

/** What the published site records beside its pages (written as MANIFEST_FILE in the site). */
export interface PublishManifest {
  format: 1;
  /** The digest of the code and settings every page was built with (see codeDigest in the integration). */
  code: string;
  /** Each page that a route lists by its props, by its URL path, with the digest of its props. */
  pages: Record<string, string>;
  /** Each story's digest (of its files), by slug: how the build counts the stories a publish added, changed or removed. */
  stories: Record<string, string>;
  /** Each search index bundle's key (the digest of its stories' file), by its folder name: see writeSearchIndex. */
  bundles: Record<string, string>;
}

/** The manifest's file in the built site. A dot file: static hosts do not serve it. */
export const MANIFEST_FILE = '.publish-manifest.json';

/**
 * A digest of a page's props. A content entry counts by its collection, id and digest (the loader's
 * digest of the file's text, code and word list, from which it derives data and HTML), not by its whole
 * body, so a listing of 20 stories is hashed in microseconds. An object marked with digestOnce
 * counts by its own digest, computed the first time a page holds it. Maps and Sets count by their
 * contents; a function cannot be digested, so props must be data.
 */
export function propsDigest(props: unknown, where: string): string {
  return sha256(digestJson(props, where, undefined));
}

/** Objects that many pages' props hold (stories), with their digest once computed. */
const shared = new WeakMap<object, string | null>();

/**
 * Marks an object that many pages' props hold (a story is in its own pages, its month's listings,
 * the related and "more" blocks of others): its digest is computed once, and each page's digest
 * covers it by that digest instead of serializing it again. The object must not change afterwards.
 */
export function digestOnce<T extends object>(value: T): T {
  if (!shared.has(value)) shared.set(value, null);
  return value;
}

function digestJson(props: unknown, where: string, root: object | undefined): string {
  const json = JSON.stringify(props, function (key, value: unknown) {
    if (typeof value === 'function') throw new TypeError(`${where}: the prop "${key}" is a function; pass data in props, so the page's digest covers it`);
    if (typeof value !== 'object' || value === null) return value;
    if (value !== root && shared.has(value)) {
      let digest = shared.get(value);
      if (!digest) shared.set(value, (digest = sha256(digestJson(value, where, value))));
      return { shared: digest };
    }
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    if (isDigestedEntry(value)) return { collection: value.collection, id: value.id, digest: value.digest };
    return value;
  });
  return json ?? 'undefined';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

function isDigestedEntry(value: unknown): value is { collection: string; id: string; digest: string } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['collection'] === 'string' && typeof v['id'] === 'string' && typeof v['digest'] === 'string';
}

/**
 * The URL path a route pattern gives for some params: `/[lang]/archive/[...page]/` with
 * { lang: 'th', page: '2' } is `/th/archive/2/`; an absent rest param drops its segment.
 */
export function routePath(pattern: string, params: Record<string, string | number | undefined>): string {
  const path = pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined && !rest) throw new TypeError(`route ${pattern}: no value for [${name}]`);
    return value === undefined ? '' : String(value);
  });
  return path.replace(/\/{2,}/g, '/');
}

/** The file a page's URL path is written to (directory format: /th/ is /th/index.html; /th/og.png is itself). */
export function pageFile(path: string): string {
  return path.endsWith('/') ? `${path}index.html` : path;
}

/** What an incremental build does with the pages the previous site recorded. */
export interface PagePlan {
  /** Pages to build: new, or whose digest changed. */
  build: string[];
  /** Pages to keep from the previous site. */
  keep: string[];
  /** Pages of the previous site that no longer exist. */
  gone: string[];
}

export function planPages(previous: Readonly<Record<string, string>> | null, current: ReadonlyMap<string, string>): PagePlan {
  const plan: PagePlan = { build: [], keep: [], gone: [] };
  for (const [path, digest] of current) (previous?.[path] === digest ? plan.keep : plan.build).push(path);
  if (previous) for (const path of Object.keys(previous)) if (!current.has(path)) plan.gone.push(path);
  return plan;
}

/**
 * What the build's publishing step (src/integrations/incremental-publish.ts) and the routes'
 * getStaticPaths share during one build: the previous site's digests, and each page's digest as the
 * routes list them. Astro bundles the routes apart from the integrations, so the two hold different
 * copies of this module; the state lives on globalThis under a registered symbol, which both see.
 */
export interface PublishState {
  /** The digest of the code and settings this build runs with (see codeDigest in the integration). */
  code: string;
  /** The previous site's page digests; null in a full build. */
  previous: Readonly<Record<string, string>> | null;
  /** Every page the routes listed in this build, by URL path, in the order listed. */
  current: Map<string, string>;
  /** Every story's digest, by slug. */
  stories: Map<string, string>;
}

const STATE = Symbol.for('news.publish-state');
type WithState = { [STATE]?: PublishState };

export function startPublishState(code: string, previous: PublishState['previous']): PublishState {
  const state: PublishState = { code, previous, current: new Map(), stories: new Map() };
  (globalThis as WithState)[STATE] = state;
  return state;
}

/**
 * Whether this build publishes onto a live site built by the same code and settings: what that
 * build checked of a file whose text is unchanged need not be checked again (the content loader).
 */
export function isIncrementalBuild(): boolean {
  return Boolean((globalThis as WithState)[STATE]?.previous);
}

/**
 * The digest of the code and settings of the build under way, or null outside a build (`astro dev`):
 * what the content loader keys the findings it keeps between builds by (the rendering check).
 */
export function buildCode(): string | null {
  return (globalThis as WithState)[STATE]?.code ?? null;
}

/** Records each story's digest, for the count of stories a publish changed (not for deciding what to build). */
export function recordStories(stories: readonly { slug: string; versions: unknown }[]): void {
  const state = (globalThis as WithState)[STATE];
  for (const story of stories) state?.stories.set(story.slug, propsDigest(story.versions, story.slug));
}

/** The stories added, changed or removed between two records of story digests. */
export function changedStories(previous: Readonly<Record<string, string>>, current: ReadonlyMap<string, string>): number {
  let count = 0;
  for (const [slug, digest] of current) if (previous[slug] !== digest) count++;
  for (const slug of Object.keys(previous)) if (!current.has(slug)) count++;
  return count;
}

/**
 * The step every route's getStaticPaths ends with: records each page's digest and, in an
 * incremental build, keeps only the pages whose digest differs from the published one. `pattern` is
 * the route's URL with its params in brackets, as its file name says (`/[lang]/articles/[slug]/`);
 * a full build checks that the paths it gives are the pages Astro wrote.
 */
export function changedPages<T extends { params: Record<string, string | number | undefined>; props: unknown }>(pattern: string, paths: readonly T[]): T[] {
  const state = (globalThis as WithState)[STATE];
  if (!state) return [...paths];
  return paths.filter((path) => {
    const url = routePath(pattern, path.params);
    const digest = propsDigest(path.props, url);
    state.current.set(url, digest);
    return state.previous?.[url] !== digest;
  });
}
