import { describe, expect, it } from 'vitest';
import { configFromEnvironment } from '../../src/config.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { defaultReportAddress, quote, QUOTE_CHARS, reportAddressProblem, reportHref } from '../../src/lib/report.ts';

const target = {
  url: 'https://news.example/en/articles/rice/',
  slug: 'rice',
  lang: 'en',
  title: 'Rice & prices',
  block: { id: 'b-3', text: 'Rice  prices rose\nby 5%.' },
};

describe('report-an-error links', () => {
  it('prefill an e-mail with the story, the language, the paragraph and its text', () => {
    const href = reportHref('mailto:corrections@news.example', target, en.reportMail);
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('corrections@news.example');
    expect(href).not.toContain('+');
    const subject = decodeURIComponent(/subject=([^&]*)/.exec(href)![1]!);
    const body = decodeURIComponent(/body=([^&]*)/.exec(href)![1]!);
    expect(subject).toBe('Translation error (b-3): Rice & prices');
    expect(body).toContain('Story: https://news.example/en/articles/rice/#b-3\nLanguage: en\nParagraph: b-3\n\n> Rice prices rose by 5%.');
  });

  it('name only the story when it is about the whole story', () => {
    const { block: _, ...story } = target;
    const body = decodeURIComponent(/body=([^&]*)/.exec(reportHref('mailto:c@x.org', story, en.reportMail))![1]!);
    expect(body).toContain('Story: https://news.example/en/articles/rice/\n');
    expect(body).not.toContain('Paragraph');
  });

  it("fill a form's URL template, each value percent-encoded", () => {
    const href = reportHref('https://forms.example/report?u={url}&s={story}&l={lang}&b={block}&q={text}', target, en.reportMail);
    const params = new URL(href).searchParams;
    expect(params.get('u')).toBe('https://news.example/en/articles/rice/#b-3');
    expect(params.get('s')).toBe('rice');
    expect(params.get('b')).toBe('b-3');
    expect(params.get('q')).toBe('Rice prices rose by 5%.');
  });

  it('quote a long paragraph only in part, cut at a space', () => {
    const long = 'word '.repeat(100);
    expect(quote(long).length).toBeLessThanOrEqual(QUOTE_CHARS + 1);
    expect(quote(long).endsWith('word…')).toBe(true);
  });

  it('refuse an address that cannot work, saying why', () => {
    expect(reportAddressProblem('mailto:corrections@news.example')).toBeNull();
    expect(reportAddressProblem('https://forms.example/?u={url}')).toBeNull();
    expect(reportAddressProblem('https://forms.example/')).toMatch(/names no story/);
    expect(reportAddressProblem('https://forms.example/?u={url}&x={page}')).toMatch(/\{page\}/);
    expect(reportAddressProblem('corrections@news.example')).toMatch(/neither a mailto/);
    expect(defaultReportAddress(new URL('https://news.example.co.th/'))).toBe('mailto:corrections@news.example.co.th');
  });

  it("go where NEWS_REPORT_ADDRESS says, by default to corrections@ the site's domain, and a bad address stops the build", () => {
    expect(configFromEnvironment({ SITE_URL: 'https://news.example/' }, '/p').reportAddress).toBe('mailto:corrections@news.example');
    expect(configFromEnvironment({ NEWS_REPORT_ADDRESS: 'mailto:desk@news.example' }, '/p').reportAddress).toBe('mailto:desk@news.example');
    expect(() => configFromEnvironment({ NEWS_REPORT_ADDRESS: 'https://forms.example/' }, '/p')).toThrow(
      /NEWS_REPORT_ADDRESS="https:\/\/forms\.example\/": must be .*names no story/,
    );
  });
});
