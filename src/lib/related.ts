import { normalizeForSearch } from './search/text.ts';

/**
 * Related stories, computed at build time from shared topics and shared words, in time linear in the
 * number of stories: no story is compared with every other.
 *
 * 1. Each story is cut into words (the ICU word segmenter, Thai and English alike) from a bounded
 *    opening: its title and dek in every language and the start of each body (storyWords, once per
 *    story file: the content loader records them). Its key words are the few with the highest tf·idf
 *    that at least one other story shares.
 * 2. Each key word and each topic has a list of the stories that carry it, in publication order. A
 *    story looks only at the stories nearest to it in time on each of its lists (a fixed window), so
 *    the work per story is bounded whatever the size of the archive.
 * 3. Those candidates are scored by the key words they share (cosine of tf·idf weights) plus a bonus
 *    per shared topic; the best come first, the newer of two equal ones first.
 */

export interface RelatedInput {
  slug: string;
  published: Date;
  /** Topic ids (or normalised tags) of the story in every language. */
  topics: readonly string[];
  /** The words of every version (storyWords), repeated as often as they occur. */
  words: readonly string[];
}

export interface RelatedOptions {
  /** Key words kept per story. */
  keyWords: number;
  /** Stories looked at on each word's or topic's list: the nearest in time to the story. */
  window: number;
  /** How many related stories to keep per story (more than a page shows, so each language can pick its own). */
  keep: number;
  /** What one shared topic adds to the score (word similarity is between 0 and 1). */
  topicWeight: number;
  /** Candidates scoring less are not related. */
  minScore: number;
}

export const RELATED_DEFAULTS: RelatedOptions = { keyWords: 24, window: 32, keep: 10, topicWeight: 0.3, minScore: 0.12 };

/** How much of each text is read: the opening carries what a story is about, and bounds the work per story. */
export const OPENING_CHARS = 1000;

let segmenter: Intl.Segmenter | undefined;

/** Words of a text, lower-cased; one-letter words and numbers say little about what a story is about. */
export function wordsOf(text: string): string[] {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const words: string[] = [];
  for (const s of segmenter.segment(normalizeForSearch(text.slice(0, OPENING_CHARS)).toLowerCase())) {
    if (s.isWordLike && s.segment.length > 1 && !/^[\d.,]+$/.test(s.segment)) words.push(s.segment);
  }
  return words;
}

/** A story file's words for relating it to others: its title (twice, for weight), dek and body, each from its opening. */
export function storyWords(title: string, summary: string, body: string): string[] {
  return [title, title, summary, body].flatMap(wordsOf);
}

/**
 * The places on a list (of positions in publication order) of the `size` stories nearest to the
 * story at `index`, itself excluded.
 */
function nearest(list: readonly number[], index: number, size: number): number[] {
  if (list.length <= size + 1) return list.flatMap((at, k) => (at === index ? [] : [k]));
  // Binary search for the story's place in its list.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = list[lo] === index ? lo + 1 : lo;
  const out: number[] = [];
  while (out.length < size && (left >= 0 || right < list.length)) {
    const takeLeft = right >= list.length || (left >= 0 && index - list[left]! <= list[right]! - index);
    out.push(takeLeft ? left-- : right++);
  }
  return out;
}

/**
 * For each story, its related stories (slugs), best first. Stories are given newest first (as the
 * site keeps them); the result keeps every story, with an empty list when nothing is related.
 */
export function relatedStories(stories: readonly RelatedInput[], options: RelatedOptions = RELATED_DEFAULTS): Map<string, string[]> {
  const n = stories.length;
  // Term frequencies per story, and in how many stories each word occurs.
  const counts = stories.map((story) => {
    const tf = new Map<string, number>();
    for (const word of story.words) tf.set(word, (tf.get(word) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const word of tf.keys()) df.set(word, (df.get(word) ?? 0) + 1);

  // Key words with their normalised tf·idf weights; words no other story has cannot relate two stories.
  // The best by weight (of equal weights the first word in code unit order) are picked as the words
  // come, each new one compared with the last kept: sorting all of a story's words took longer.
  const ahead = (word: string, weight: number, [other, otherWeight]: [string, number]) => weight > otherWeight || (weight === otherWeight && word < other);
  const keys = counts.map((tf) => {
    const best: [string, number][] = [];
    for (const [word, f] of tf) {
      const d = df.get(word)!;
      if (d <= 1) continue;
      const weight = (1 + Math.log(f)) * Math.log(n / d);
      if (best.length === options.keyWords && !ahead(word, weight, best.at(-1)!)) continue;
      let at = best.length;
      while (at > 0 && ahead(word, weight, best[at - 1]!)) at--;
      best.splice(at, 0, [word, weight]);
      if (best.length > options.keyWords) best.pop();
    }
    const top = best.filter(([, w]) => w > 0);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return new Map(top.map(([word, w]) => [word, w / norm]));
  });

  // Per key word and per topic, the stories that carry it as positions in publication order (so that
  // "nearest in time" is a distance between positions), each word's list with the word's weight in
  // each story beside it: the scoring loop below then does no lookup by word.
  const times = stories.map((story) => story.published.getTime());
  const order = stories.map((_, i) => i).sort((a, b) => times[b]! - times[a]! || a - b);
  const position = new Array<number>(n);
  order.forEach((story, pos) => (position[story] = pos));
  const wordLists = new Map<string, { at: number[]; weight: number[] }>();
  const topicLists = new Map<string, number[]>();
  for (const [pos, i] of order.entries()) {
    for (const [word, weight] of keys[i]!) {
      const list = wordLists.get(word) ?? wordLists.set(word, { at: [], weight: [] }).get(word)!;
      list.at.push(pos);
      list.weight.push(weight);
    }
    for (const topic of new Set(stories[i]!.topics)) (topicLists.get(topic) ?? topicLists.set(topic, []).get(topic)!).push(pos);
  }

  const result = new Map<string, string[]>();
  // One score per story, reset after each story for the ones it touched (a Map per story was most of the time).
  const score = new Float64Array(n);
  const isTouched = new Uint8Array(n);
  const touched: number[] = [];
  const add = (other: number, value: number) => {
    if (!isTouched[other]) {
      isTouched[other] = 1;
      touched.push(other);
    }
    score[other]! += value;
  };
  for (let i = 0; i < n; i++) {
    for (const [word, weight] of keys[i]!) {
      const list = wordLists.get(word)!;
      for (const k of nearest(list.at, position[i]!, options.window)) add(order[list.at[k]!]!, weight * list.weight[k]!);
    }
    for (const topic of new Set(stories[i]!.topics)) {
      const list = topicLists.get(topic)!;
      for (const k of nearest(list, position[i]!, options.window)) add(order[list[k]!]!, options.topicWeight);
    }
    const ranked = touched
      .filter((other) => other !== i && score[other]! >= options.minScore)
      .sort((a, b) => score[b]! - score[a]! || times[b]! - times[a]! || (stories[a]!.slug < stories[b]!.slug ? -1 : 1))
      .slice(0, options.keep);
    for (const other of touched) score[other] = isTouched[other] = 0;
    touched.length = 0;
    result.set(
      stories[i]!.slug,
      ranked.map((other) => stories[other]!.slug),
    );
  }
  return result;
}
