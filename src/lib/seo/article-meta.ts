import type { ArticleData } from '../../schemas/article.ts';
import { correctionsInOrder, lastChanged, type Correction } from '../corrections.ts';
import { deskDirectory, standalone, storyCredits, type DeskDirectory } from '../credits.ts';
import { ui } from '../i18n/index.ts';
import type { Lang } from '../i18n/languages.ts';
import { articleCardPath, siteCardPath } from '../og/paths.ts';
import type { SectionedStory, StoryFile } from '../story-model.ts';
import { articlePath } from '../urls.ts';

/** A version of a story: where it lives and in which language. */
export interface VersionRef {
  lang: Lang;
  path: string;
}

/**
 * What feeds and page metadata say about one version of a story, computed from the story once.
 * Story-wide facts (section, byline, source) come from the original, as the page shows them, with
 * names in this version's language (a rendering may set its own byline and source).
 */
export interface ArticleMeta {
  slug: string;
  lang: Lang;
  path: string;
  title: string;
  summary: string;
  /** The section's name in this version's language. */
  section: string;
  published: Date;
  /** The latest of the version's dates and its corrections. */
  modified: Date;
  /** This version's corrections, oldest first. */
  corrections: Correction[];
  /** The byline (a writer or a desk) and the agency or issuing office, in that order. */
  authors: string[];
  tags: string[];
  /** The version this one was translated from, or null when this is the original. */
  original: VersionRef | null;
  /** The other versions of the story: its renderings, or for a rendering its original. */
  others: VersionRef[];
  translator: string | null;
  /** The story's photo when it has one to show. */
  photo: { src: string; alt: string } | null;
  /** The generated social card of this version. */
  card: string;
}

/** Without a desks file, names are given as written. */
const namesAsWritten = deskDirectory([]);

/**
 * `storyCards`: whether each story has its own social card (the storyCards setting), else the site's.
 * `desks`: the desks file, to give bylines and agencies in this version's language.
 */
export function articleMeta(story: SectionedStory<StoryFile<ArticleData>>, lang: Lang, options: { storyCards: boolean; desks?: DeskDirectory }): ArticleMeta {
  const desks = options.desks ?? namesAsWritten;
  const entry = story.versions[lang];
  if (!entry) throw new Error(`the story "${story.slug}" has no ${lang} version`);
  const data = entry.data;
  const original = story.original.data;
  // A rendering may carry its own dates; it cannot be older than itself.
  const published = data.published ?? story.published;
  const updated = data.updated ?? story.updated;
  const corrections = correctionsInOrder(data.corrections);
  const changed = lastChanged({ published, updated, corrections }) ?? published;
  const image = data.image ?? original.image;
  const credits = storyCredits(original, data, lang, desks);
  return {
    slug: story.slug,
    lang,
    path: articlePath(lang, story.slug),
    title: data.title,
    summary: data.summary,
    section: ui(lang).sectionNames[story.section],
    published,
    modified: changed,
    corrections,
    authors: [credits.byline, credits.source].flatMap((credit) => (credit ? [standalone(credit).text] : [])),
    tags: data.tags,
    original: lang === story.originalLang ? null : { lang: story.originalLang, path: articlePath(story.originalLang, story.slug) },
    others: story.languages.filter((l) => l !== lang).map((l) => ({ lang: l, path: articlePath(l, story.slug) })),
    translator: credits.translation ? standalone(credits.translation.translator).text : null,
    photo: image?.src ? { src: image.src, alt: image.alt ?? '' } : null,
    card: options.storyCards ? articleCardPath(lang, story.slug) : siteCardPath(lang),
  };
}
