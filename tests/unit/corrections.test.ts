import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { correctionNotInRendering, correctionsInOrder, lastChanged } from '../../src/lib/corrections.ts';
import { feedItem, feedNamespaces } from '../../src/lib/feeds/rss.ts';
import { articleMeta } from '../../src/lib/seo/article-meta.ts';
import type { ArticleData } from '../../src/schemas/article.ts';
import { newsArticleJsonLd } from '../../src/lib/seo/json-ld.ts';
import { buildStories, type StoryFile } from '../../src/lib/story-model.ts';

const published = new Date('2025-03-05T10:00:00+07:00');
const march6 = { date: new Date('2025-03-06T09:30:00+07:00'), text: 'An earlier version gave the plant 100 megawatts; it is 110.' };
const march8 = { date: new Date('2025-03-08T12:00:00+07:00'), text: 'The minister is Alexey Likhachev, not Alexei.' };

function data(fields: Partial<ArticleData> & Pick<ArticleData, 'title' | 'summary'>): ArticleData {
  return { tags: [], related: [], corrections: [], ...fields };
}
function story(files: StoryFile<ArticleData>[]) {
  return { ...buildStories(files)[0]!, section: 'world' as const };
}
const translation = { translator: 'Machine translation', machine: true, reviewed: true };

describe('corrections', () => {
  it('are listed oldest first, and count as a change of the version', () => {
    expect(correctionsInOrder([march8, march6])).toEqual([march6, march8]);
    expect(lastChanged({ published, corrections: [march8, march6] })).toEqual(march8.date);
    expect(lastChanged({ corrections: [] })).toBeNull();
  });

  it("flag a rendering that has not caught up with its original's latest correction", () => {
    const original = { published, corrections: [march6, march8] };
    expect(correctionNotInRendering(original, { corrections: [] })).toEqual(march8);
    expect(correctionNotInRendering(original, { updated: new Date('2025-03-07T00:00:00+07:00'), corrections: [] })).toEqual(march8);
    expect(correctionNotInRendering(original, { corrections: [{ ...march8, date: new Date('2025-03-08T13:00:00+07:00') }] })).toBeNull();
    expect(correctionNotInRendering({ published, corrections: [] }, { corrections: [] })).toBeNull();
  });

  it('reach the JSON-LD as dateModified and correction, and the feed as the date the item was updated', () => {
    const s = story([
      { id: 'p/th', data: data({ title: 'ข่าว', summary: 'สรุป', published, section: 'world', byline: 'โต๊ะข่าว', corrections: [march8, march6] }) },
      { id: 'p/en', data: data({ title: 'News', summary: 'Dek', translation }) },
    ]);
    const th = articleMeta(s, 'th', { storyCards: true });
    const ld = newsArticleJsonLd(th, new URL('https://news.example/'));
    expect(ld['dateModified']).toBe('2025-03-08T12:00:00+07:00');
    expect(ld['correction']).toEqual([
      { '@type': 'CorrectionComment', text: march6.text, datePublished: '2025-03-06T09:30:00+07:00' },
      { '@type': 'CorrectionComment', text: march8.text, datePublished: '2025-03-08T12:00:00+07:00' },
    ]);
    const xml = `<item xmlns:atom="${feedNamespaces.atom}">${feedItem(th, new URL('https://news.example/')).customData}</item>`;
    const item = new XMLParser().parse(xml) as { item: Record<string, unknown> };
    expect(item.item['atom:updated']).toBe('2025-03-08T12:00:00+07:00');
    // The rendering was not corrected: no correction of its own, and the feed does not call it updated.
    const en = articleMeta(s, 'en', { storyCards: true });
    expect(newsArticleJsonLd(en, new URL('https://news.example/'))['correction']).toBeUndefined();
    expect(feedItem(en, new URL('https://news.example/')).customData).not.toContain('atom:updated');
  });
});
