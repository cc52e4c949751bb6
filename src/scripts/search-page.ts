/**
 * The search page: reads ?q= (and ?lang=, ?sort=date, ?year=), searches as the reader types, writes
 * the query and the choices back to the address, and renders results as text nodes only (a query or
 * an excerpt is never parsed as HTML).
 */
import type { Lang } from '../lib/i18n/languages.ts';
import { formatDate, toBuddhistYear } from '../lib/dates.ts';
import { loadStoryHit, type LanguageFilter, type PagefindResult, type SearchOptions, type StoryHit } from '../lib/search/engine.ts';
import { SiteSearch, type PagefindModule } from '../lib/search/site-search.ts';
import type { ExcerptPart } from '../lib/search/excerpt.ts';
import type { ParsedQuery } from '../lib/search/query.ts';
import { spellingCandidates } from '../lib/search/suggest.ts';

interface SearchStrings {
  resultsNone: string;
  resultsNoneFor: string;
  resultsOne: string;
  resultsMany: string;
  showMore: string;
  showMoreCount: string;
  searching: string;
  searchingOlderYears: string;
  resultsOneInYears: string;
  resultsManyInYears: string;
  searchPrompt: string;
  searchFailed: string;
  matchedIn: string;
  languageNames: Record<Lang, string>;
  switchTo: Record<Lang, string>;
  sectionNames: Record<string, string>;
}

const PAGE_SIZE = 10;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const allYears = document.querySelector<HTMLButtonElement>('#search-all-years')!;
const yearSelect = form.querySelector<HTMLSelectElement>('select[name="year"]')!;
const none = document.querySelector<HTMLElement>('#search-none')!;
const suggestions = document.querySelector<HTMLElement>('#search-suggestions')!;
const readerLang = document.documentElement.lang as Lang;
const strings = JSON.parse(form.dataset['strings'] ?? '{}') as SearchStrings;

/** The index's bundles, newest first (src/lib/search/bundles.ts): loaded as searches need them (site-search.ts). */
const bundles = JSON.parse(form.dataset['bundles'] ?? '[]') as string[];
const site = new SiteSearch(
  bundles,
  // A runtime URL: the index is written after the site is bundled, so the bundler must not resolve it.
  // Pagefind runs in its own worker (its default): unpacking and compiling its WebAssembly and each
  // search stay off the page's thread, which on a slow phone shows the first results sooner (measured
  // with npm run bench:lighthouse) for the cost of the worker's small script.
  (url) => import(/* @vite-ignore */ url) as Promise<PagefindModule>,
  async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
    return (await response.json()) as unknown;
  },
);

/** The years a search covered, as the page counts years: 2568, or 2566–2568 (Buddhist era on Thai pages). */
function yearsText(years: readonly number[]): string {
  const label = (year: number) => String(readerLang === 'th' ? toBuddhistYear(year) : year);
  const [newest, oldest] = [Math.max(...years), Math.min(...years)];
  return newest === oldest ? label(newest) : `${label(oldest)}–${label(newest)}`;
}

function countText(count: number, searchedYears: readonly number[] | null): string {
  if (count === 0) return strings.resultsNone;
  if (searchedYears !== null) {
    const text = count === 1 ? strings.resultsOneInYears : strings.resultsManyInYears;
    return text.replace('{count}', String(count)).replace('{years}', yearsText(searchedYears));
  }
  return count === 1 ? strings.resultsOne : strings.resultsMany.replace('{count}', String(count));
}

/** Text with the matched parts in <mark> (styled for both themes in global.css). */
function appendMarked(parent: HTMLElement, parts: readonly ExcerptPart[]): void {
  for (const part of parts) {
    if (part.match) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else parent.append(part.text);
  }
}

function renderHit(hit: StoryHit): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'py-4';
  item.dataset['story'] = hit.story;
  const heading = document.createElement('h2');
  heading.className = 'text-xl font-semibold leading-snug';
  const link = document.createElement('a');
  link.href = hit.main.url;
  link.hreflang = hit.main.lang;
  link.lang = hit.main.lang;
  link.className = 'hover:underline';
  appendMarked(link, hit.title);
  link.dataset['resultLink'] = '';
  heading.append(link);

  const excerpt = document.createElement('p');
  excerpt.className = 'mt-1 text-slate-700 dark:text-slate-300';
  appendMarked(excerpt, hit.excerpt);

  const meta = document.createElement('p');
  meta.className = 'mt-1 flex flex-wrap gap-x-3 text-sm text-slate-600 dark:text-slate-400';
  const date = new Date(hit.date);
  if (!Number.isNaN(date.getTime())) {
    const time = document.createElement('time');
    time.dateTime = hit.date;
    time.textContent = formatDate(date, readerLang);
    meta.append(time);
  }
  const section = document.createElement('span');
  section.textContent = strings.sectionNames[hit.section] ?? hit.section;
  meta.append(section);
  // Which version matched tells the reader something only when it is not the page's language.
  if (hit.main.lang !== readerLang) {
    const language = document.createElement('span');
    language.dataset['resultLang'] = hit.main.lang;
    language.textContent = `${strings.matchedIn} ${strings.languageNames[hit.main.lang]}`;
    meta.append(language);
  }
  if (hit.other) {
    const other = document.createElement('a');
    other.href = hit.other.url;
    other.hreflang = hit.other.lang;
    other.lang = hit.other.lang;
    other.className = 'underline';
    other.textContent = strings.switchTo[hit.other.lang];
    other.dataset['otherVersion'] = '';
    meta.append(other);
  }
  item.append(heading, excerpt, meta);
  return item;
}

let generation = 0;
let current: { query: ParsedQuery; results: PagefindResult[]; shown: number; count: number; searchedYears: readonly number[] | null } | null = null;

async function showNext(run: number): Promise<void> {
  if (!current) return;
  const slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  current.shown += slice.length;
  const hits = await Promise.all(slice.map((r) => loadStoryHit(r, current!.query, readerLang)));
  if (run !== generation) return;
  for (const hit of hits) {
    if (hit) list.append(renderHit(hit));
    else current.count--; // matched only through a shorter word: not a real match
  }
  status.textContent = current.count === 0 ? strings.resultsNoneFor.replace('{query}', current.query.text) : countText(current.count, current.searchedYears);
  // Only the newest years were searched: the reader can ask for the older ones.
  allYears.hidden = current.searchedYears === null;
  const remaining = current.results.length - current.shown;
  more.hidden = remaining <= 0;
  more.textContent = strings.showMoreCount.replace('{count}', String(remaining));
}

function selectedFilter(): LanguageFilter {
  const value = new FormData(form).get('lang');
  return value === 'th' || value === 'en' ? value : 'all';
}

function selectedOptions(): SearchOptions {
  const year = Number(yearSelect.value);
  const sort = new FormData(form).get('sort') === 'date' ? 'date' : 'relevance';
  return { language: selectedFilter(), year: yearSelect.value && Number.isInteger(year) ? year : null, sort };
}

async function run(): Promise<void> {
  const run = ++generation;
  const raw = input.value;
  list.replaceChildren();
  more.hidden = true;
  allYears.hidden = true;
  none.hidden = true;
  suggestions.hidden = true;
  current = null;
  if (raw.trim() === '') {
    status.textContent = strings.searchPrompt;
    list.setAttribute('aria-busy', 'false');
    return;
  }
  list.setAttribute('aria-busy', 'true');
  status.textContent = strings.searching;
  try {
    const outcome = await site.search(raw, selectedOptions(), {
      minimum: PAGE_SIZE,
      onWiden: () => {
        if (run === generation) status.textContent = strings.searchingOlderYears;
      },
    });
    if (run !== generation) return;
    current = { ...outcome, shown: 0, count: outcome.results.length };
    await showNext(run);
    if (current.count === 0 && run === generation) {
      none.hidden = false;
      await suggestSpellings(outcome.query.text, run);
    }
  } catch (error) {
    console.error(error);
    if (run === generation) status.textContent = strings.searchFailed;
  } finally {
    if (run === generation) list.setAttribute('aria-busy', 'false');
  }
}

/**
 * After a search that found nothing: the spellings with a tone mark or leading vowel the reader may
 * have left out (suggest.ts) that do find stories, at most three, as links to their search.
 */
async function suggestSpellings(query: string, run: number): Promise<void> {
  const links: HTMLAnchorElement[] = [];
  for (const candidate of spellingCandidates(query)) {
    if (links.length === 3 || run !== generation) break;
    const found = await site.search(candidate, selectedOptions(), { minimum: 1 });
    if (found.results.length === 0) continue;
    const url = new URL(location.href);
    url.searchParams.set('q', candidate);
    const link = document.createElement('a');
    link.href = url.href;
    link.className = 'underline';
    link.textContent = candidate;
    link.dataset['suggestion'] = '';
    links.push(link);
  }
  if (run !== generation || links.length === 0) return;
  const slot = suggestions.querySelector('span')!;
  slot.replaceChildren(...links.flatMap((l, i) => (i === 0 ? [l] : [', ', l])));
  suggestions.hidden = false;
}

/** Keeps the address in step with the search, so it can be shared and the back button returns to it. */
function writeUrl(push: boolean): void {
  const url = new URL(location.href);
  const q = input.value.trim();
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  const filter = selectedFilter();
  if (filter === 'all') url.searchParams.delete('lang');
  else url.searchParams.set('lang', filter);
  const { sort, year } = selectedOptions();
  if (sort === 'date') url.searchParams.set('sort', 'date');
  else url.searchParams.delete('sort');
  if (year === null) url.searchParams.delete('year');
  else url.searchParams.set('year', String(year));
  if (url.href === location.href) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const filter = params.get('lang') ?? 'all';
  const radio = form.querySelector<HTMLInputElement>(`input[name="lang"][value="${filter === 'th' || filter === 'en' ? filter : 'all'}"]`);
  if (radio) radio.checked = true;
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  form.querySelector<HTMLInputElement>(`input[name="sort"][value="${sort}"]`)!.checked = true;
  const year = params.get('year') ?? '';
  // A year the site has no stories from is not an option: the search then covers every year.
  yearSelect.value = [...yearSelect.options].some((o) => o.value === year) ? year : '';
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    writeUrl(false);
    void run();
  }, 150);
});
form.addEventListener('change', (event) => {
  if (['lang', 'sort', 'year'].includes((event.target as HTMLInputElement).name)) {
    writeUrl(true);
    void run();
  }
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  writeUrl(true);
  void run();
});
allYears.addEventListener('click', () => {
  site.searchAllYears();
  void run().then(() => list.children[0]?.querySelector<HTMLAnchorElement>('a')?.focus());
});
more.addEventListener('click', () => {
  const first = list.children.length;
  void showNext(generation).then(() => {
    // Move focus to the first new result, so keyboard and screen-reader users continue from there.
    list.children[first]?.querySelector<HTMLAnchorElement>('a')?.focus();
  });
});
window.addEventListener('popstate', () => {
  readUrl();
  void run();
});

form.hidden = false;
readUrl();
void run();
