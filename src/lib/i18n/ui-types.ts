import type { ReportWording } from '../report.ts';
import type { SectionId } from '../sections.ts';
import type { Lang } from './languages.ts';

/** Who made a rendering and who checked it, names already in the page's language. */
export interface Provenance {
  machine: boolean;
  reviewed: boolean;
  translator: string;
  reviewer: string | null;
}

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
  /** On the side-by-side view, the switch to the same view with the other language's interface (in that language). */
  thisPageIn: string;
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
  /** While a search goes on from the newest year into the older ones. */
  searchingOlderYears: string;
  /** The count when only the newest years were searched: "{count}" and "{years}" (2568 or 2566–2568, in the page's era) are filled in. */
  resultsOneInYears: string;
  resultsManyInYears: string;
  /** The button that searches every year after the newest year's results. */
  searchAllYears: string;
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
  /** Label of the caption of a photo the source had but the story cannot show. */
  photoInSource: string;
  photoCredit: string;
  /** The end of a story: the next story, and more from its section. */
  nextStory: string;
  moreFromSection: (section: string) => string;
  allOfSection: (section: string) => string;
  relatedNews: string;
  /** The topics of a story, and the index of all topics. */
  topics: string;
  topicsIntro: string;
  /** The link at the end of every story. */
  reportError: string;
  /** The link after each paragraph of a rendering; the paragraph's number follows for screen readers. */
  reportTranslationError: string;
  inParagraph: (n: number) => string;
  /** The words of the prefilled report e-mail. */
  reportMail: ReportWording;
  /** One plain sentence on a rendering: how it was made from the original and who checked it. */
  provenance: (opts: Provenance) => string;
  originalLanguageNotice: string;
  /** Before a correction's date: "Corrected" 6 March 2025: … */
  corrected: string;
  /** Heading of the list of corrections at the end of a story. */
  corrections: string;
  /** Link from the notice under the headline to the list, when there is more than one. */
  allCorrections: (count: number) => string;
  /** On a rendering whose original was corrected after it: the date of that correction, formatted. */
  renderingOutOfDate: (date: string) => string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  pageOf: (page: number, total: number) => string;
  storyCount: (count: number) => string;
  /** Listings by month: the links to the months with stories just newer and just older. */
  newerMonth: string;
  /** Label of the navigation between months. */
  monthNavigation: string;
  olderMonth: string;
  /** The link from a month to its year's page of months. */
  monthsOfYear: (year: string) => string;
  /** Heading of the list of years (with their counts) on a listing's newest page. */
  byYear: string;
  /** On a listing's newest page, when its newest month has more stories than the page shows. */
  allOfMonth: (month: string) => string;
  /** An old count-paginated listing address (/th/archive/3/): the listing is arranged by month now. */
  listingMoved: string;
  listingMovedBody: string;
  /** The page at a renamed story's former address, which sends the reader on. */
  storyMoved: string;
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
