import { bundleYear } from './bundles.ts';
import { CHUNK_STARTS_FILE } from './chunks.ts';
import { DATES_FILE } from './dates.ts';
import { searchStories, type PagefindApi, type SearchOptions, type SearchOutcome } from './engine.ts';

/**
 * The site's index in bundles by publication period (bundles.ts), loaded as a search needs them. A
 * search without a year covers the newest year first: one bundle's start-up and index chunks instead
 * of every bundle's, whatever the size of the archive. Older bundles are merged into the same Pagefind
 * (mergeIndex) when the reader asks for every year, chooses an older year, or when the newest year has
 * less than a page of results. The outcome says which year it covered, so the count shown is honest.
 */

export type PagefindModule = PagefindApi & { mergeIndex: (url: string, options?: object) => Promise<void> };

export interface SiteSearchOutcome extends SearchOutcome {
  /** Set when only this year (the newest) was searched and older bundles exist: the count is for this year. */
  onlyYear: number | null;
}

export interface SiteSearchOptions {
  /** Before the newest year's results are short, older bundles are merged and the search runs again. */
  minimum: number;
  /** Called when the search goes on into older years, so the page can say so. */
  onWiden?: () => void;
}

export class SiteSearch {
  /** Set once the reader has asked for every year (or a search needed it): later searches cover all. */
  allYears = false;
  #pagefind: Promise<PagefindModule> | undefined;
  readonly #loaded = new Map<string, Promise<void>>();
  readonly #starts = new Map<string, readonly string[]>();
  readonly #dates = new Map<string, Promise<[string, number][]>>();

  /**
   * `bundles`: the site's bundles, newest first (the search page's data-bundles). `open` imports a
   * bundle's pagefind.js and `fetchJson` reads a file: the page and the benchmark pass their own.
   */
  constructor(
    readonly bundles: readonly string[],
    private readonly open: (url: string) => Promise<PagefindModule>,
    private readonly fetchJson: (url: string) => Promise<unknown>,
  ) {}

  /** The bundles a search for `year` (null: no year chosen) needs, and whether it leaves older ones out. */
  scope(year: number | null): { bundles: string[]; year: number | null; partial: boolean } {
    if (year !== null) return { bundles: this.bundles.filter((b) => bundleYear(b) === year), year, partial: false };
    if (this.allYears || this.bundles.length === 0) return { bundles: [...this.bundles], year: null, partial: false };
    const newest = bundleYear(this.bundles[0]!);
    const first = this.bundles.filter((b) => bundleYear(b) === newest);
    return first.length < this.bundles.length ? { bundles: first, year: newest, partial: true } : { bundles: first, year: null, partial: false };
  }

  async search(raw: string, options: SearchOptions, { minimum, onWiden }: SiteSearchOptions): Promise<SiteSearchOutcome> {
    let scope = this.scope(options.year);
    let pagefind = await this.load(scope.bundles);
    let outcome = await searchStories(pagefind, this.chunkStarts(), raw, { ...options, year: scope.year, days: () => this.days() });
    if (scope.partial && outcome.results.length < minimum) {
      this.allYears = true;
      onWiden?.();
      scope = this.scope(options.year);
      pagefind = await this.load(scope.bundles);
      outcome = await searchStories(pagefind, this.chunkStarts(), raw, { ...options, year: scope.year, days: () => this.days() });
    }
    return { ...outcome, onlyYear: scope.partial ? scope.year : null };
  }

  /** Pagefind with `bundles` in it: the newest bundle's pagefind.js (the page preloads it), the others merged. */
  async load(bundles: readonly string[]): Promise<PagefindModule> {
    const primary = this.bundles[0] ?? '/pagefind/';
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
