import { bundleYear } from './bundles.ts';
import { CHUNK_STARTS_FILE } from './chunks.ts';
import { DATES_FILE } from './dates.ts';
import { searchStories, type PagefindApi, type SearchOptions, type SearchOutcome } from './engine.ts';
import { parseQuery } from './query.ts';

/**
 * The site's index in bundles by publication period (bundles.ts), loaded as searches need them. Every
 * bundle costs its own Pagefind start-up and an index chunk per query word, so a search without a year
 * covers the newest year first, whatever the size of the archive; when that year has less than a page of
 * results it goes on to the newest three years, then to every year (YEAR_STEPS), each merged into the
 * same Pagefind (mergeIndex). The reader can ask for every year at once, and choosing a year loads that
 * year only. The outcome says which years were searched, so the count shown is honest.
 */

export type PagefindModule = PagefindApi & { mergeIndex: (url: string, options?: object) => Promise<void> };

/** How many of the newest years a search without a chosen year covers, step by step, before every year. */
export const YEAR_STEPS = [1, 3] as const;

export interface SiteSearchOutcome extends SearchOutcome {
  /** The years searched, newest first, when older ones were left out: the count is for these years. */
  searchedYears: readonly number[] | null;
}

export interface SiteSearchOptions {
  /** While the years searched have fewer results than this, the search goes on to older years. */
  minimum: number;
  /** Called when the search goes on into older years, so the page can say so. */
  onWiden?: () => void;
}

export class SiteSearch {
  /** Which of YEAR_STEPS searches without a year have reached (past the end: every year); they never go back. */
  #step = 0;
  #pagefind: Promise<PagefindModule> | undefined;
  readonly #loaded = new Map<string, Promise<void>>();
  readonly #starts = new Map<string, readonly string[]>();
  readonly #dates = new Map<string, Promise<[string, number][]>>();
  readonly #years: number[];

  /**
   * `bundles`: the site's bundles, newest first (the search page's data-bundles). `open` imports a
   * bundle's pagefind.js and `fetchJson` reads a file: the page and the benchmark pass their own.
   */
  constructor(
    readonly bundles: readonly string[],
    private readonly open: (url: string) => Promise<PagefindModule>,
    private readonly fetchJson: (url: string) => Promise<unknown>,
  ) {
    this.#years = [...new Set(bundles.map(bundleYear))];
  }

  /** Every year from now on (the reader asked for it). */
  searchAllYears(): void {
    this.#step = YEAR_STEPS.length;
  }

  /** The bundles a search for `year` (null: no year chosen) needs, and the years it covers when not all. */
  scope(year: number | null): { bundles: string[]; years: readonly number[] | null } {
    if (year !== null) return { bundles: this.bundles.filter((b) => bundleYear(b) === year), years: null };
    const depth = YEAR_STEPS[this.#step] ?? Infinity;
    if (depth >= this.#years.length) return { bundles: [...this.bundles], years: null };
    const years = this.#years.slice(0, depth);
    return { bundles: this.bundles.filter((b) => years.includes(bundleYear(b))), years };
  }

  async search(raw: string, options: SearchOptions, { minimum, onWiden }: SiteSearchOptions): Promise<SiteSearchOutcome> {
    // A site without stories has no index to load.
    if (this.bundles.length === 0) return { query: parseQuery(raw), results: [], searchedYears: null };
    for (;;) {
      const scope = this.scope(options.year);
      const pagefind = await this.load(scope.bundles);
      const filterYears = [...this.#loaded.keys()].some((bundle) => !scope.bundles.includes(bundle));
      const outcome = await searchStories(pagefind, this.chunkStarts(), raw, {
        ...options,
        years: scope.years,
        filterYears,
        bundles: scope.bundles,
        days: () => this.days(),
      });
      if (scope.years === null || outcome.results.length >= minimum) return { ...outcome, searchedYears: scope.years };
      this.#step++;
      onWiden?.();
    }
  }

  /** Pagefind with `bundles` in it: the newest bundle's pagefind.js (the page preloads it), the others merged. */
  async load(bundles: readonly string[]): Promise<PagefindModule> {
    const primary = this.bundles[0]!;
    this.#pagefind ??= this.open(`${primary}pagefind.js`);
    const pagefind = await this.#pagefind;
    await Promise.all([primary, ...bundles].map((bundle) => this.#loadBundle(pagefind, bundle, bundle === primary)));
    return pagefind;
  }

  #loadBundle(pagefind: PagefindModule, bundle: string, primary: boolean): Promise<void> {
    let loaded = this.#loaded.get(bundle);
    if (!loaded) {
      const starts = this.fetchJson(`${bundle}${CHUNK_STARTS_FILE}`).then((list) => {
        this.#starts.set(bundle, list as string[]);
      });
      loaded = Promise.all([primary ? undefined : pagefind.mergeIndex(bundle), starts]).then(() => {});
      this.#loaded.set(bundle, loaded);
    }
    return loaded;
  }

  /** The first words of the index chunks of every bundle loaded (chunks.ts). */
  chunkStarts(): string[] {
    return [...new Set([...this.#starts.values()].flat())].sort();
  }

  /** Each loaded result's publication time (dates.ts), fetched per bundle the first time the reader sorts by date. */
  async days(): Promise<Map<string, number>> {
    const lists = await Promise.all(
      [...this.#loaded.keys()].map((bundle) => {
        let dates = this.#dates.get(bundle);
        if (!dates) {
          dates = this.fetchJson(`${bundle}${DATES_FILE}`).then((d) => Object.entries(d as Record<string, number>));
          this.#dates.set(bundle, dates);
        }
        return dates;
      }),
    );
    return new Map(lists.flat());
  }
}
