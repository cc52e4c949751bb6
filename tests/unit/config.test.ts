import { describe, expect, it } from 'vitest';
import { configFromEnvironment } from '../../src/config.ts';

const root = '/srv/news';

describe('settings read from the environment once', () => {
  it('takes the defaults, with paths resolved against the project', () => {
    const config = configFromEnvironment({}, root);
    expect(config).toMatchObject({
      root,
      site: 'http://localhost:4321',
      outDir: '/srv/news/dist',
      contentDir: '/srv/news/content/articles',
      ogCacheDir: '/srv/news/node_modules/.cache/og',
      storyCards: true,
      searchBundlePeriod: 'year',
      deferSearchIndex: false,
    });
    expect(config.ogThreads).toBeGreaterThanOrEqual(1);
    expect(config.ogThreads).toBeLessThanOrEqual(4);
    expect(config.searchThreads).toBeGreaterThanOrEqual(1);
    expect(config.searchThreads).toBeLessThanOrEqual(2);
  });

  it('reads each variable, relative or absolute', () => {
    const config = configFromEnvironment(
      {
        SITE_URL: 'https://news.example',
        NEWS_OUT_DIR: 'out',
        NEWS_CONTENT_DIR: '/tmp/stories',
        NEWS_SOCIAL_CARDS: 'off',
        NEWS_OG_THREADS: '0',
        NEWS_SEARCH_THREADS: '3',
        NEWS_SEARCH_BUNDLE_PERIOD: 'quarter',
        NEWS_DEFER_SEARCH_INDEX: 'on',
      },
      root,
    );
    expect(config).toMatchObject({
      site: 'https://news.example',
      outDir: '/srv/news/out',
      contentDir: '/tmp/stories',
      storyCards: false,
      ogThreads: 0,
      searchThreads: 3,
      searchBundlePeriod: 'quarter',
      deferSearchIndex: true,
    });
  });

  it('names every bad variable, what it takes and the default', () => {
    const read = () =>
      configFromEnvironment(
        { NEWS_OG_THREADS: 'two', NEWS_SEARCH_THREADS: '0', NEWS_SEARCH_BUNDLE_PERIOD: 'week', SITE_URL: 'news.example', NEWS_SOCIAL_CARDS: 'no' },
        root,
      );
    expect(read).toThrow(/NEWS_OG_THREADS="two": must be a whole number, 0 or more\. Fix: .*unset it for the default/);
    expect(read).toThrow(/NEWS_SEARCH_THREADS="0": must be a whole number, 1 or more/);
    expect(read).toThrow(/NEWS_SEARCH_BUNDLE_PERIOD="week": must be one of year, half, quarter, month/);
    expect(read).toThrow(/SITE_URL="news.example": must be an http\(s\) address/);
    expect(read).toThrow(/NEWS_SOCIAL_CARDS="no": must be "on" or "off"/);
  });
});
