import { getCollection, type CollectionEntry } from 'astro:content';
import { deskDirectory, type Desk, type DeskDirectory } from '../lib/credits.ts';
import { relatedStories, type RelatedInput } from '../lib/related.ts';
import { storyTopics, topicDirectory, type Topic, type TopicDirectory } from '../lib/topics.ts';
import { languages, otherLang, type Lang } from '../lib/i18n/index.ts';
import { sectionIds, type SectionId } from '../lib/sections.ts';
import { buildStories, type SectionedStory } from '../lib/story-model.ts';
import { storyEnds } from '../lib/listings.ts';
import { groupByMonth, type MonthGroup } from '../lib/months.ts';
import type { Listing } from '../lib/urls.ts';
import { recordedOutline } from '../lib/markdown/story-body.ts';
import { readStoryWords } from './story-bodies.ts';
import { digestOnce } from '../lib/page-digest.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type ArticleStory = SectionedStory<ArticleEntry>;

/** One version of a story as a listing shows it. */
export interface StoryVersion {
  story: ArticleStory;
  lang: Lang;
  entry: ArticleEntry;
}

let storiesPromise: Promise<ArticleStory[]> | undefined;

/**
 * All stories, newest first. The collection is read and grouped once per build, not once per page.
 * Each story is in the props of many pages, so each page's digest covers it by the story's own digest.
 */
export function getStories(): Promise<ArticleStory[]> {
  storiesPromise ??= getCollection('articles').then((entries) =>
    buildStories(entries).map((story) => digestOnce({ ...story, section: story.original.data.section as SectionId })),
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

let deskListPromise: Promise<Desk[]> | undefined;

/** The desks file (content/desks.yaml) as data, for pages that take it as a prop. */
export function getDeskList(): Promise<Desk[]> {
  deskListPromise ??= getCollection('desks').then((entries) => entries.map((entry) => entry.data));
  return deskListPromise;
}

/** The desks file as a lookup from a name in either language to the name in one. */
export async function getDesks(): Promise<DeskDirectory> {
  return deskDirectory(await getDeskList());
}

/** How many related stories a page shows at most. */
export const RELATED_SHOWN = 5;

let relatedInputsPromise: Promise<Map<string, RelatedInput>> | undefined;

/** What relating a story to others reads of it (its words from every version, its topics), by slug, once per build. */
function getRelatedInputs(): Promise<Map<string, RelatedInput>> {
  relatedInputsPromise ??= Promise.all([getStories(), getStoryTopics()]).then(
    ([stories, topicsOf]) =>
      new Map(
        stories.map((story) => [
          story.slug,
          {
            slug: story.slug,
            published: story.published,
            topics: (topicsOf.get(story.slug) ?? []).map((topic) => topic.id),
            words: Object.values(story.versions).flatMap(readStoryWords),
          },
        ]),
      ),
  );
  return relatedInputsPromise;
}

const relatedByLang = new Map<Lang, Promise<Map<string, StoryVersion[]>>>();

/**
 * The related stories of every story readable in a language, best first, as a page shows them:
 * computed once per language and build among the stories readable in it (src/lib/related.ts), so
 * that an English page is not left with the few English ones among related Thai-only stories.
 */
function getRelated(lang: Lang): Promise<Map<string, StoryVersion[]>> {
  let related = relatedByLang.get(lang);
  if (!related) {
    related = Promise.all([getStoriesIn(lang), getRelatedInputs()]).then(([items, inputs]) => {
      const bySlug = new Map(items.map((item) => [item.story.slug, item]));
      const lists = relatedStories(items.map((item) => inputs.get(item.story.slug)!));
      return new Map([...lists].map(([slug, slugs]) => [slug, slugs.slice(0, RELATED_SHOWN).map((other) => bySlug.get(other)!)]));
    });
    relatedByLang.set(lang, related);
  }
  return related;
}

/** The related stories of one story that can be read in a language, as a listing shows them. */
export async function getRelatedIn(story: ArticleStory, lang: Lang): Promise<StoryVersion[]> {
  return (await getRelated(lang)).get(story.slug) ?? [];
}

let topicsPromise: Promise<TopicDirectory> | undefined;

/** The topics file (content/topics.yaml) as a lookup from a tag in either language to its topic. */
export function getTopics(): Promise<TopicDirectory> {
  topicsPromise ??= getCollection('topics').then((entries) => topicDirectory(entries.map((entry) => entry.data)));
  return topicsPromise;
}

let storyTopicsPromise: Promise<Map<string, Topic[]>> | undefined;

/** Every story's topics (by slug), from the tags of all its versions. */
export function getStoryTopics(): Promise<Map<string, Topic[]>> {
  storyTopicsPromise ??= Promise.all([getStories(), getTopics()]).then(
    ([stories, topics]) =>
      new Map(
        stories.map((story) => [
          story.slug,
          storyTopics(
            Object.values(story.versions).map((entry) => entry.data.tags),
            topics,
          ),
        ]),
      ),
  );
  return storyTopicsPromise;
}

/** A topic with the stories readable in one language, newest first. */
export interface TopicListing {
  topic: Topic;
  items: StoryVersion[];
}

const topicListingsByLang = new Map<Lang, Promise<TopicListing[]>>();

/** The topics that have stories in a language, each with those stories: once per language and build (the topic index and the topics' pages ask). */
export function getTopicListings(lang: Lang): Promise<TopicListing[]> {
  let listings = topicListingsByLang.get(lang);
  if (!listings) topicListingsByLang.set(lang, (listings = topicListings(lang)));
  return listings;
}

async function topicListings(lang: Lang): Promise<TopicListing[]> {
  const [items, topicsOf] = await Promise.all([getStoriesIn(lang), getStoryTopics()]);
  const byId = new Map<string, TopicListing>();
  for (const item of items) {
    for (const topic of topicsOf.get(item.story.slug) ?? []) {
      const listing = byId.get(topic.id) ?? byId.set(topic.id, { topic, items: [] }).get(topic.id)!;
      listing.topic = { id: topic.id, names: { ...topic.names, ...listing.topic.names } };
      listing.items.push(item);
    }
  }
  return [...byId.values()];
}

/** The words of a story file to keep whole on a line, found by the content loader in its own text (thai-lines.ts). */
export function lexiconOf(entry: ArticleEntry): readonly string[] {
  return recordedOutline(entry)?.lexicon ?? [];
}

/** Whether a story file's dek only repeats its headline or first paragraph, as the content loader found (say-once.ts). */
export function dekRepeatsOf(entry: ArticleEntry): boolean {
  return recordedOutline(entry)?.dekRepeats ?? false;
}

const endsByLang = new Map<Lang, Promise<ReturnType<typeof storyEnds<StoryVersion>>>>();

/** The end of a story in one language: its next story and more from its section (listings.ts). */
export async function getStoryEnd(lang: Lang, slug: string): Promise<{ next: StoryVersion | null; more: StoryVersion[] }> {
  let ends = endsByLang.get(lang);
  if (!ends) endsByLang.set(lang, (ends = getStoriesIn(lang).then((items) => storyEnds(items))));
  return (await ends)(slug);
}

/** What every page of a listing is given: its language, the listing, and on section pages the section menu. */
export interface ListingFrame {
  lang: Lang;
  listing: Listing;
  sections?: readonly SectionId[] | undefined;
}

/** What a listing's own page is given: its frame, and the listing's months in both languages (getListingMonths). */
export interface ListingMonths extends ListingFrame {
  /** The listing's months with stories in this language, newest first… */
  months: readonly MonthGroup<StoryVersion>[];
  /** …and in the other language. */
  otherMonths: readonly MonthGroup<StoryVersion>[];
}

const monthsByListing = new Map<string, Promise<MonthGroup<StoryVersion>[]>>();

/** A listing's stories readable in a language by month of publication, newest first (src/lib/months.ts). */
export function getListingMonths(lang: Lang, listing: Listing): Promise<MonthGroup<StoryVersion>[]> {
  const key = `${lang} ${listing.kind === 'section' ? listing.section : ''}`;
  let months = monthsByListing.get(key);
  if (!months) {
    months = getStoriesIn(lang).then((items) =>
      groupByMonth(listing.kind === 'section' ? items.filter((item) => item.story.section === listing.section) : items, (item) => item.story.published),
    );
    monthsByListing.set(key, months);
  }
  return months;
}

/** A section's listing in one language, with its months in both: what the section routes make their pages from. */
export interface SectionListing {
  lang: Lang;
  section: SectionId;
  /** The sections in use, for the section menu. */
  sections: SectionId[];
  months: MonthGroup<StoryVersion>[];
  otherMonths: MonthGroup<StoryVersion>[];
}

/** Every section's listing in every language. */
export async function getSectionListings(): Promise<SectionListing[]> {
  const sections = await getSectionsInUse();
  return Promise.all(
    languages.flatMap((lang) =>
      sections.map(async (section) => {
        const listing = { kind: 'section', section } as const;
        return { lang, section, sections, months: await getListingMonths(lang, listing), otherMonths: await getListingMonths(otherLang(lang), listing) };
      }),
    ),
  );
}

/** A topic's listing in one language, with its months in both: what the topic routes make their pages from. */
export interface TopicMonthListing {
  lang: Lang;
  listing: { kind: 'topic'; topic: Topic };
  months: MonthGroup<StoryVersion>[];
  otherMonths: MonthGroup<StoryVersion>[];
}

/**
 * Every topic's listing in both languages, by month like the sections (so a new story changes its
 * month's pages, not every page of the topic): a topic with stories in one language has its page in
 * the other too, which says where they are.
 */
export function getTopicMonthListings(): Promise<TopicMonthListing[]> {
  topicMonthListingsPromise ??= topicMonthListings();
  return topicMonthListingsPromise;
}

let topicMonthListingsPromise: Promise<TopicMonthListing[]> | undefined;

async function topicMonthListings(): Promise<TopicMonthListing[]> {
  const byLang = await Promise.all(languages.map(async (lang) => [lang, await getTopicListings(lang)] as const));
  const topics = new Map<string, Topic>();
  const months = new Map<string, MonthGroup<StoryVersion>[]>();
  for (const [lang, listings] of byLang) {
    for (const { topic, items } of listings) {
      // One topic object for both languages, with the names either language's stories gave it.
      const known = topics.get(topic.id);
      topics.set(topic.id, { id: topic.id, names: { ...known?.names, ...topic.names } });
      months.set(
        `${lang} ${topic.id}`,
        groupByMonth(items, (item) => item.story.published),
      );
    }
  }
  return [...topics.values()].flatMap((topic) =>
    languages.map((lang) => ({
      lang,
      listing: { kind: 'topic', topic } as const,
      months: months.get(`${lang} ${topic.id}`) ?? [],
      otherMonths: months.get(`${otherLang(lang)} ${topic.id}`) ?? [],
    })),
  );
}
