import type { Lang } from '../i18n/languages.ts';
import { fromIndexText, normalizeForSearch, toIndexText } from './text.ts';

/**
 * The search index holds one record per story, both language versions in it, so that one search
 * covers both languages and every result is one story. The versions are separated by this mark,
 * which the result page uses to tell which version matched.
 */
export const VERSION_SEPARATOR = ' \u2042 ';

/**
 * The language code the index is built under: one Pagefind has neither a word splitter nor a stemmer
 * for. Its words are then exactly the ones this module marks, in Thai and in English alike, and the
 * browser cuts queries the same way (see query.ts) instead of Pagefind's own, different, Thai splitter.
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

export function buildStoryRecord(story: { slug: string; date: string; versions: StoryVersionText[] }): StoryRecord {
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
      return v.lang === 'th' ? toIndexText(text) : normalizeForSearch(text);
    })
    .join(VERSION_SEPARATOR);
  return {
    url: versions[0]!.url,
    content,
    meta,
    filters: { language: versions.map((v) => v.lang), section: [versions[0]!.section] },
  };
}

/** Splits a record's content back into its language versions, as published. */
export function splitVersions(content: string, langs: readonly Lang[]): Partial<Record<Lang, string>> {
  const parts = fromIndexText(content).split(VERSION_SEPARATOR.trim());
  const out: Partial<Record<Lang, string>> = {};
  langs.forEach((lang, i) => {
    out[lang] = parts[i] ?? '';
  });
  return out;
}
