import { languageOfName } from './credits.ts';
import type { Lang } from './i18n/languages.ts';

/**
 * Topics: the tags of stories, one topic for a Thai tag and its English counterpart. The topics file
 * (content/topics.yaml) maps them and gives each topic its URL id; a tag the file does not map is a
 * topic of its own, named and addressed by the tag itself.
 */

/** An entry of the topics file. */
export interface TopicEntry {
  id: string;
  th: string;
  en: string;
  /** Other spellings of the tag, in either language. */
  aliases: string[];
}

export interface Topic {
  /** The topic's part of the URL: the file's id, or the tag itself for a tag the file does not map. */
  id: string;
  /** Its name in each language it has one in (an unmapped tag has the name it was written with). */
  names: Partial<Record<Lang, string>>;
}

/** How a tag is recognised: case, spacing and Unicode form do not matter. */
function tagKey(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The URL id of an unmapped tag: lower case, spaces as hyphens, characters that mean something in a URL left out. */
export function tagId(tag: string): string {
  return tagKey(tag)
    .replace(/[/?#%\\"<>|^`{}[\]]/g, '')
    .replace(/\s/g, '-');
}

export type TopicDirectory = (tag: string) => Topic;

/** Looks a tag up in the topics file; a tag it does not map becomes a topic of its own. */
export function topicDirectory(entries: readonly TopicEntry[]): TopicDirectory {
  const byKey = new Map<string, Topic>();
  for (const entry of entries) {
    const topic: Topic = { id: entry.id, names: { th: entry.th, en: entry.en } };
    for (const name of [entry.th, entry.en, ...entry.aliases]) byKey.set(tagKey(name), topic);
  }
  return (tag) => byKey.get(tagKey(tag)) ?? { id: tagId(tag), names: { [languageOfName(tag)]: tag.trim() } };
}

/** A topic's name on a page: in the page's language when it has one, else as written, with its language. */
export function topicName(topic: Topic, lang: Lang): { text: string; lang: Lang } {
  const own = topic.names[lang];
  if (own !== undefined) return { text: own, lang };
  const [other, text] = Object.entries(topic.names)[0] as [Lang, string];
  return { text, lang: other };
}

/** The topics of a story: from the tags of all its versions, each once, in the order first tagged. */
export function storyTopics(tagLists: readonly (readonly string[])[], topics: TopicDirectory): Topic[] {
  const seen = new Map<string, Topic>();
  for (const tags of tagLists) {
    for (const tag of tags) {
      const topic = topics(tag);
      const known = seen.get(topic.id);
      if (known) known.names = { ...topic.names, ...known.names };
      else seen.set(topic.id, { id: topic.id, names: { ...topic.names } });
    }
  }
  return [...seen.values()];
}

/** Problems in the topics file: two entries with one id, or one tag claimed by two topics. */
export function topicsFileProblems(entries: readonly TopicEntry[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) problems.push(`the id "${entry.id}" is used by two topics: give each its own`);
    ids.add(entry.id);
    for (const name of new Set([entry.th, entry.en, ...entry.aliases].map(tagKey))) {
      const other = owner.get(name);
      if (other !== undefined && other !== entry.id) problems.push(`the tag "${name}" belongs to both "${other}" and "${entry.id}": keep it in one`);
      owner.set(name, entry.id);
    }
  }
  return problems;
}
