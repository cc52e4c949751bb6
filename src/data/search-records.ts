import config from 'virtual:news/config';
import { toBangkokIso } from '../lib/dates.ts';
import { searchBundleGroups } from '../lib/search/bundles.ts';
import type { SearchStory } from '../lib/search/record.ts';
import { articlePath } from '../lib/urls.ts';
import { readStoryBody } from './story-bodies.ts';
import { dekRepeatsOf, getStories, type ArticleStory } from './stories.ts';

/**
 * What the search index reads of a story: what its pages show the reader of it (headline, the dek
 * when the page shows it, every block of the body), taken from the stories as the content loader
 * read them once, not from the pages written.
 */
export function searchStoryOf(story: ArticleStory): SearchStory {
  return {
    slug: story.slug,
    date: toBangkokIso(story.published),
    versions: story.languages.map((lang) => {
      const entry = story.versions[lang]!;
      const { title, summary } = entry.data;
      return {
        lang,
        url: articlePath(lang, story.slug),
        section: story.section,
        title,
        summary: dekRepeatsOf(entry) ? '' : summary,
        body: readStoryBody(entry).blocks.map((block) => block.text),
      };
    }),
  };
}

/** The stories of each search bundle (src/lib/search/bundles.ts), newest bundle first. */
export async function getSearchBundleGroups(): Promise<Map<string, ArticleStory[]>> {
  return searchBundleGroups(await getStories(), config.searchBundlePeriod);
}
