import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../lib/i18n/index.ts';
import { sectionIds, type SectionId } from '../lib/sections.ts';
import { buildStories, type Story } from '../lib/stories.ts';
import { storyEnds } from '../lib/listings.ts';
import { recordedBlocks } from '../lib/markdown/story-body.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type ArticleStory = Story<ArticleEntry> & { section: SectionId };

/** One version of a story as a listing shows it. */
export interface StoryVersion {
  story: ArticleStory;
  lang: Lang;
  entry: ArticleEntry;
}

let storiesPromise: Promise<ArticleStory[]> | undefined;

/** All stories, newest first. The collection is read and grouped once per build, not once per page. */
export function getStories(): Promise<ArticleStory[]> {
  storiesPromise ??= getCollection('articles').then((entries) =>
    buildStories(entries).map((story) => ({ ...story, section: story.original.data.section as SectionId })),
  );
  return storiesPromise;
}

/** The stories readable in one language, newest first, each with that language's version. */
export async function getStoriesIn(lang: Lang): Promise<StoryVersion[]> {
  const stories = await getStories();
  return stories.flatMap((story) => {
    const entry = story.versions[lang];
    return entry ? [{ story, lang, entry }] : [];
  });
}

/** Sections that have at least one story in either language, in the fixed section order. */
export async function getSectionsInUse(): Promise<SectionId[]> {
  const stories = await getStories();
  const used = new Set(stories.map((s) => s.section));
  return sectionIds.filter((id) => used.has(id));
}

/** The words of a story file to keep whole on a line, found by the content loader in its own text (thai-lines.ts). */
export function lexiconOf(entry: ArticleEntry): readonly string[] {
  const lexicon = entry.rendered?.metadata?.['lexicon'];
  return Array.isArray(lexicon) ? lexicon.filter((word): word is string => typeof word === 'string') : [];
}

/** The plain text of a story file's first paragraph, from the blocks the content loader recorded. */
export function leadTextOf(entry: ArticleEntry): string {
  return recordedBlocks(entry).find((block) => block.kind === 'p')?.text ?? '';
}

const endsByLang = new Map<Lang, Promise<ReturnType<typeof storyEnds<StoryVersion>>>>();

/** The end of a story in one language: its next story and more from its section (listings.ts). */
export async function getStoryEnd(lang: Lang, slug: string): Promise<{ next: StoryVersion | null; more: StoryVersion[] }> {
  let ends = endsByLang.get(lang);
  if (!ends) endsByLang.set(lang, (ends = getStoriesIn(lang).then((items) => storyEnds(items))));
  return (await ends)(slug);
}
