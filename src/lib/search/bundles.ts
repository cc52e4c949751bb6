/**
 * Pagefind holds a whole index in memory until it writes it, in proportion to the stories in it, so
 * a large archive would not fit the build machine at once. Stories are therefore indexed in groups, one
 * Pagefind index (a "bundle") each, built one after the other; the search page loads the first and
 * merges the rest (Pagefind's mergeIndex), so a search still covers every story.
 */
// The group size is a setting (storiesPerSearchBundle in src/config.ts): tests set a small one to cover merging.

/** The URL folders of the bundles of a site with `stories` stories: Pagefind's usual /pagefind/ first. */
export function searchBundles(stories: number, perBundle: number): string[] {
  const count = Math.max(1, Math.ceil(stories / perBundle));
  return Array.from({ length: count }, (_, i) => (i === 0 ? '/pagefind/' : `/pagefind-${i + 1}/`));
}

/** Splits items (newest story first) into the bundles' groups, in order. */
export function groupForBundles<T>(items: readonly T[], perBundle: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += perBundle) groups.push(items.slice(i, i + perBundle));
  return groups.length > 0 ? groups : [[]];
}
