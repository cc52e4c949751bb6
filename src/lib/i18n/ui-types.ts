import type { SectionId } from '../sections.ts';
import type { Lang } from './languages.ts';

/** Every user-facing string of the interface. Each language supplies all of them. */
export interface UiStrings {
  siteName: string;
  siteTagline: string;
  /** The language's own name, as shown on the switch. */
  languageName: string;
  skipToContent: string;
  mainNavigation: string;
  frontPage: string;
  archive: string;
  sections: string;
  sectionNames: Record<SectionId, string>;
  latestStories: string;
  allStories: string;
  /** Shown on a listing that has no story in this language yet. */
  noStoriesInLanguage: string;
  noStoriesInLanguageOther: (count: number) => string;
  readInOtherLanguage: string;
  /** Label of the language switch region. */
  languageSwitchLabel: string;
  /** The switch link on a page whose counterpart exists: "อ่านภาษาไทย" / "Read in English". */
  switchTo: string;
  /** "This story is not available in <this language>", written in this language. */
  noVersionInThisLanguage: string;
  /** "This story is not available in <the other language>", written in this language. */
  noVersionInOtherLanguage: string;
  /** Link from a rendering to its original, in the rendering's language. */
  readOriginal: string;
  /** Marks the language the reader is on, in the switch. */
  currentLanguage: string;
  /** Listing marker: the story can also be read in the other language. */
  alsoInOtherLanguage: string;
  /** Listing marker: this version is a rendering of an original in the other language. */
  translatedLabel: string;
  search: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  /** Shown on the search page when JavaScript is off. */
  searchNeedsJs: string;
  searchLanguageFilter: string;
  filterAll: string;
  filterThai: string;
  filterEnglish: string;
  showMore: string;
  /** When a search finds nothing: "{query}" stands for the query. */
  resultsNoneFor: string;
  didYouMean: string;
  /** "Show more" with how many remain: "{count}" stands for the number. */
  showMoreCount: string;
  searchSort: string;
  sortRelevance: string;
  sortNewest: string;
  searchYear: string;
  allYears: string;
  searching: string;
  resultsNone: string;
  resultsOne: string;
  /** "{count}" stands for the number: the search page fills it in. */
  resultsMany: string;
  searchPrompt: string;
  searchFailed: string;
  /** Before the language names a result matched in. */
  matchedIn: string;
  readingTime: (minutes: number) => string;
  /** The switch's link to the side-by-side view. */
  sideBySide: string;
  sideBySideTitle: (title: string) => string;
  sideBySideIntro: string;
  themeToggle: string;
  themeLight: string;
  themeDark: string;
  themeSystem: string;
  published: string;
  updated: string;
  byline: string;
  sourceAgency: string;
  photo: string;
  photoCredit: string;
  relatedNews: string;
  translationNotice: (opts: { translator: string; machine: boolean; reviewed: boolean }) => string;
  originalLanguageNotice: string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  pageOf: (page: number, total: number) => string;
  storyCount: (count: number) => string;
  chooseLanguage: string;
  chooserIntro: string;
  notFoundTitle: string;
  notFoundBody: string;
  backToFront: string;
  /** Asks the reader to search when a page is missing. */
  notFoundSearch: string;
  /** On a missing page of a story that exists in one language only: "This story is only available in Thai." */
  storyOnlyIn: Record<Lang, string>;
  /** The link to that version: "Read it in Thai". */
  readStoryIn: Record<Lang, string>;
  /** Title of the RSS feed of this language's stories. */
  feedTitle: string;
}
