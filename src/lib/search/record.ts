import type { Lang } from '../i18n/languages.ts';
import { toBangkokIso } from '../dates.ts';
import { toIndexText } from './text.ts';

/**
 * The search index holds one record per story, both language versions in it, so that one search
 * covers both languages and every result is one story. The versions are separated by this mark,
 * which the result page uses to tell which version matched.
 */
export const VERSION_SEPARATOR = ' \u2042 ';

/**
 * The language code the index is built under: one Pagefind has neither a word splitter nor a stemmer
 * for. Its words are then exactly the ones text.ts writes, in Thai and in English alike, and the
 * browser cuts queries the same way (see query.ts) instead of Pagefind's own Thai splitter.
 */
export const SEARCH_INDEX_LANGUAGE = 'zz';

export interface StoryVersionText {
  lang: Lang;
  url: string;
  title: string;
  summary: string;
  body: string[];
  section: string;
}

/** Meta stored with each record: what a result shows, without loading the page. */
export interface StoryRecordMeta {
  title: string;
  [key: string]: string;
}

export interface StoryRecord {
  url: string;
  content: string;
  meta: StoryRecordMeta;
  filters: Record<string, string[]>;
}

/** A story as the search index reads it: what its pages show of it, from the stories as the content loader read them. */
export interface SearchStory {
  slug: string;
  /** Publication time, ISO 8601 in Bangkok time (as the pages' time elements give it). */
  date: string;
  versions: StoryVersionText[];
}

/**
 * A story's record in the index of `bundle` (bundles.ts). The bundle is also a filter, so that a search
 * over several bundles merged can ask each bundle on its own (engine.ts, for Latin words).
 */
export function buildStoryRecord(story: SearchStory, bundle: string): StoryRecord {
  const versions = [...story.versions].sort((a, b) => (a.lang === 'th' ? -1 : b.lang === 'th' ? 1 : 0));
  const meta: StoryRecordMeta = {
    title: versions[0]!.title,
    story: story.slug,
    date: story.date,
    section: versions[0]!.section,
    langs: versions.map((v) => v.lang).join(','),
  };
  for (const v of versions) {
    meta[`title_${v.lang}`] = v.title;
    meta[`url_${v.lang}`] = v.url;
  }
  const content = versions
    .map((v) => {
      const text = [v.title, v.summary, ...v.body].join('\n');
      // Thai may be quoted in an English version too: every version is written the same way.
      return toIndexText(text);
    })
    .join(VERSION_SEPARATOR);
  return {
    url: versions[0]!.url,
    content,
    meta,
    filters: {
      language: versions.map((v) => v.lang),
      section: [versions[0]!.section],
      year: [publicationYear(story.date)].filter(Boolean),
      bundle: [bundle],
    },
  };
}

/**
 * Splits a result's stored text (the record's content read back as published, fromIndexText: see
 * publishFragments in the search index integration) into its language versions.
 */
export function splitVersions(content: string, langs: readonly Lang[]): Partial<Record<Lang, string>> {
  const parts = content.split(VERSION_SEPARATOR.trim());
  const out: Partial<Record<Lang, string>> = {};
  langs.forEach((lang, i) => {
    out[lang] = parts[i] ?? '';
  });
  return out;
}

/** The year a story was published in, in Bangkok time (Common Era): the search page's year filter. */
export function publicationYear(date: string): string {
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? '' : toBangkokIso(parsed).slice(0, 4);
}
