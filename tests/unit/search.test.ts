import {
  bundleYear,
  isBundleFolder,
  SEARCH_BUNDLE_PERIODS,
  searchBundleFor,
  searchPartFor,
  searchBundleGroups,
  searchBundles,
  type SearchBundlePeriod,
} from '../../src/lib/search/bundles.ts';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEARCH_OPTIONS,
  loadStoryHit,
  searchStories,
  type PagefindFilter,
  type PagefindResult,
  type SearchOptions,
} from '../../src/lib/search/engine.ts';
import { buildExcerpt } from '../../src/lib/search/excerpt.ts';
import { parseQuery, textMatchesQuery, thaiPartWords, wordsInPlace } from '../../src/lib/search/query.ts';
import { buildStoryRecord, splitVersions } from '../../src/lib/search/record.ts';
import { spellingCandidates } from '../../src/lib/search/suggest.ts';
import { clusters, clusterWords, fromIndexText, normalizeForSearch, spellLatin, thaiDigitsToArabic, toIndexText } from '../../src/lib/search/text.ts';

import { fakePagefind } from '../support/fake-pagefind.ts';
import { SiteSearch } from '../../src/lib/search/site-search.ts';

const THAI_EXAMPLES: [query: string, text: string, match: boolean][] = [
  // The examples of /work/shared/notes/thai-clusters.md.
  ['งบประมาณ', 'ปีงบประมาณ', true],
  ['จิราพร', 'นางสาวจิราพร', true],
  ['ลาว', 'ศาลาว่าการ', false],
  ['ลาว', 'คลาวด์', false],
  ['ลาว', 'เวลาวัน', false],
  ['ข้าว', 'นำเข้าวัตถุ', false],
  ['ทักษิณ', 'ทักษิณานุปทาน', false],
  ['เมียนมา', 'เมียนมาร์', true],
  // The categories of the search issue.
  ['ท่องเที่ยว', 'ส่งเสริมการท่องเที่ยวไทย', true],
  ['รัฐมนตรี', 'รองนายกรัฐมนตรีและรัฐมนตรีว่าการ', true],
  ['ชลน่าน', 'นายแพทย์ชลน่าน ศรีแก้ว', true],
  ['ก.ล.ต.', 'สำนักงาน ก.ล.ต.แจ้งว่า', true],
  ['ไทย-ลาว', 'ความร่วมมือไทย–ลาว', true],
  ['ลาว', 'ความร่วมมือไทย–ลาว', true],
  ['ASEAN', 'ประชาคมอาเซียน(ASEAN)', true],
  ['COP29', 'การประชุมCOP29ที่', true],
  ['ลาว', 'ลาวัลย์', false],
];

/** A Latin part matches where a word starts, punctuation and capitals as written (the same note). */
const LATIN_EXAMPLES: [query: string, text: string, match: boolean][] = [
  ['land', 'Thailand', false],
  ['export', 'Thai exports rose', true],
  ['people', 'the people’s burden', true],
  ['peoples', 'the people’s burden', false],
  ['peoples', 'for our peoples.', true],
  ['medium-term', 'a medium term plan', false],
  ['medium-term', 'a medium-term plan', true],
  ['term', 'a medium-term plan', true],
  ['TR', 'ผ่านแพลตฟอร์ม CTrip เชิญชวน', false],
  ['ctrip', 'ผ่านแพลตฟอร์ม CTrip เชิญชวน', true],
  ['U.S.', 'the “U.S.” said', true],
  ['ASEAN', 'ประชาคมอาเซียน(ASEAN)ครั้งที่', true],
];

describe('Thai text for the index', () => {
  it('cuts Thai into clusters: never inside a syllable’s marks, a silent final with its syllable', () => {
    const cut = (t: string) => clusters(t).map((c) => c.text);
    expect(cut('ศาลาว่าการ')).toEqual(['ศา', 'ลา', 'ว่า', 'กา', 'ร']);
    expect(cut('เมียนมาร์')).toEqual(['เมี', 'ย', 'น', 'มา', 'ร์']);
    expect(clusters('เมียนมาร์').map((c) => c.end)).toEqual(['cut', 'cut', 'cut', 'silent', 'end']);
    expect(cut('ก.ล.ต.')).toEqual(['ก', '.', 'ล', '.', 'ต', '.']);
  });

  it('spells every cluster in plain letters that Pagefind keeps as they are', () => {
    for (const text of ['ข้าว ข่าว ขาว น้ำ', 'ก.ล.ต. “ไทย-ลาว”', 'ฝุ่นPM2.5']) {
      // Latin words added after a run (ending in U+2064) are indexed as Latin text is.
      for (const word of toIndexText(text)
        .split(/\s+/)
        .filter((w) => !w.includes('\u2064'))) {
        expect(word.replace(/[\u2063\u2064]/g, '')).toMatch(/^[\p{L}\p{N}]+$/u);
        expect(word).not.toMatch(/[\u0E00-\u0E7F]|\p{M}/u);
      }
    }
    expect(new Set(['ข้าว', 'ข่าว', 'ขาว'].map((t) => clusterWords(t)[0])).size).toBe(3);
  });

  it('round-trips a story text through the index form', () => {
    const text = 'ประธานาธิบดีวลาดิมีร์ ปูติน (Vladimir Putin) กล่าวว่า “ความสัมพันธ์…” เมื่อ ๕ มี.ค. ฝุ่นPM2.5 ไทย–ลาว ๆ';
    expect(fromIndexText(toIndexText(text))).toBe(normalizeForSearch(text));
    const latin =
      'CTrip iPhone COP29 PM2.5 people’s “U.S.” İstanbul ǅ 𐐀x ʬ ǀ0041 ƀƚ9 ประชาคม(ASEAN)ครั้งที่ 2 (3rd https://fb.com/share/v/FReAY5fb/?mibextid=oFDknk';
    expect(fromIndexText(toIndexText(latin))).toBe(normalizeForSearch(latin));
  });

  it('writes no digit in an index word: Pagefind would cut the word again where letters meet digits', () => {
    // 3rd → rd and ?mibextid (a sign's code, then letters) → rmibextid were word starts no text has.
    for (const text of ['(3rd Meeting', 'COP29 ฝุ่นPM2.5 ครั้งที่2', 'https://fb.com/share/v/FReAY5fb/?mibextid=oFDknk', 'LINE @kpiclaim', 'ปี 2568']) {
      expect(toIndexText(text)).not.toMatch(/[0-9]/);
    }
    expect(spellLatin('3rd')).not.toMatch(/[0-9]/);
    expect(
      toIndexText('(3rd')
        .split(/\s+/)
        .map((w) => w.replace(/[\u2063\u2064]/g, '')),
    ).toEqual([spellLatin('(3rd'), spellLatin('3rd')]);
  });

  it('writes index words in lower case, with no word the text does not hold at a word start', () => {
    // Pagefind cuts words with capitals again (CTrip → trip): none may reach it.
    const words = toIndexText('CTrip iPhone COP29 ASEAN(ASEAN)').split(/\s+/);
    for (const word of words) expect(word.replace(/[\u2063\u2064]/g, '')).toBe(word.replace(/[\u2063\u2064]/g, '').toLowerCase());
    expect(words.map((w) => w.replace(/[\u2063\u2064]/g, ''))).not.toContain('trip');
    // A word start after a sign gets its word; the rest of a word does not.
    const people = toIndexText('people’s')
      .split(/\s+/)
      .map((w) => w.replace(/[\u2063\u2064]/g, ''));
    expect(people).toEqual([spellLatin('people’s'), 's']);
  });

  it('writes Thai digits as Arabic digits and every dash as a hyphen', () => {
    expect(thaiDigitsToArabic('พ.ศ. ๒๕๖๘ และ 2025')).toBe('พ.ศ. 2568 และ 2025');
    expect(normalizeForSearch('ไทย–ลาว India—Thailand −5')).toBe('ไทย-ลาว India-Thailand -5');
  });
});

describe('queries', () => {
  it('keeps the parts a reader separated with spaces', () => {
    expect(parseQuery('  น้ำท่วม   ภาคใต้ ').parts.map((p) => p.text)).toEqual(['น้ำท่วม', 'ภาคใต้']);
    expect(parseQuery('น้ำท่วมภาคใต้').parts).toHaveLength(1);
    expect(parseQuery('๒๕๖๗').parts[0]?.text).toBe('2567');
    expect(parseQuery('   ').parts).toEqual([]);
    expect(parseQuery('“ ”').parts).toEqual([]);
    // Spaces around a dash between Thai words are optional, as in the text (text.ts, unifyDashes).
    expect(parseQuery('ไทย - ลาว').parts.map((p) => p.text)).toEqual(['ไทย-ลาว']);
  });

  it('looks a Thai part up as the words that start where it occurs', () => {
    const { words } = thaiPartWords('ลาว');
    expect(words).toHaveLength(1);
    for (const spelling of words[0]!) expect(clusterWords('ลาว')[0]!.startsWith(spelling.slice(0, -1))).toBe(true);
    const long = thaiPartWords('ประชาสัมพันธ์');
    const count = clusters('ประชาสัมพันธ์').length;
    expect(long.words).toHaveLength(Math.ceil(count / 3));
    // The last word ends with the part: a whole index word, not a short prefix.
    expect(long.offsets.at(-1)).toBe(count - 3);
    // A part ending on a vowel may be followed by a silent final consonant.
    expect(thaiPartWords('เมียนมา').words.at(-1)).toHaveLength(3);
    expect(thaiPartWords('ลาว').words.at(-1)).toHaveLength(2);
  });

  it('joins Latin parts for the written-together variant', () => {
    expect(parseQuery('PM 2.5').joined?.text).toBe('PM2.5');
    expect(parseQuery('Soft Power').joined?.text).toBe('SoftPower');
    expect(parseQuery('ฝุ่น PM2.5').joined).toBeNull();
  });

  it('requires the words of a long part in their places', () => {
    expect(wordsInPlace([new Set([4, 20]), new Set([23]), new Set([25])], [0, 3, 5])).toBe(true);
    expect(wordsInPlace([new Set([4]), new Set([8])], [0, 3])).toBe(false);
    expect(wordsInPlace([new Set([4])], [0])).toBe(true);
  });

  it.each(THAI_EXAMPLES)('"%s" in "%s": %s (checked in the text)', (query, text, match) => {
    expect(textMatchesQuery(text, parseQuery(query))).toBe(match);
  });

  it('matches a Latin part where a word starts', () => {
    expect(textMatchesQuery('Thailand exports', parseQuery('land'))).toBe(false);
    expect(textMatchesQuery('Thailand exports', parseQuery('export'))).toBe(true);
    expect(textMatchesQuery('ฝุ่นPM2.5', parseQuery('pm 2.5'))).toBe(true);
    expect(textMatchesQuery('PM 2.5', parseQuery('pm2.5'))).toBe(false);
  });
});

describe('excerpts', () => {
  it('centres on the first match and marks every occurrence of every term', () => {
    const text = `${'ก'.repeat(300)} ปูตินพบสี และปูตินกล่าว ${'ข'.repeat(300)}`;
    const parts = buildExcerpt(text, parseQuery('ปูติน สี').parts, 40);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['ปูติน', 'สี', 'ปูติน']);
    expect(parts[0]?.text.startsWith('… ')).toBe(true);
    expect(parts.at(-1)?.text.endsWith(' …')).toBe(true);
  });

  it('keeps hostile text as text parts', () => {
    const parts = buildExcerpt('<img src=x onerror=alert(1)> ปูติน', parseQuery('ปูติน').parts);
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> ปูติน');
  });

  it('marks only what matched: not ลาว inside ศาลาว่าการ', () => {
    const parts = buildExcerpt('ศาลาว่าการ ไทย-ลาว', parseQuery('ลาว').parts);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['ลาว']);
  });
});

const story = buildStoryRecord(
  {
    slug: 'putin-visit',
    date: '2025-03-05T18:00:00+07:00',
    versions: [
      { lang: 'en', url: '/en/articles/putin-visit/', title: 'Putin meets Min Aung Hlaing', summary: 'Sum.', body: ['Nuclear plant.'], section: 'world' },
      { lang: 'th', url: '/th/articles/putin-visit/', title: 'ปูตินพบมิน อ่อง หล่าย', summary: 'สรุป', body: ['โรงไฟฟ้านิวเคลียร์'], section: 'world' },
    ],
  },
  '/pagefind-2025/',
);

describe('story records', () => {
  it('hold both versions, Thai first, with language, section, year and bundle filters', () => {
    expect(story.url).toBe('/th/articles/putin-visit/');
    expect(story.filters).toEqual({ language: ['th', 'en'], section: ['world'], year: ['2025'], bundle: ['/pagefind-2025/'] });
    expect(story.meta).toMatchObject({ story: 'putin-visit', langs: 'th,en', url_en: '/en/articles/putin-visit/', title_th: 'ปูตินพบมิน อ่อง หล่าย' });
    // As the search page reads a result: the stored text read back as published (publishFragments).
    const versions = splitVersions(fromIndexText(story.content), ['th', 'en']);
    expect(versions.th).toContain('ปูตินพบมิน อ่อง หล่าย');
    expect(versions.en).toContain('Nuclear plant.');
  });
});

const record = (slug: string, th: string, en?: string, date = '2025-03-05T18:00:00+07:00', period: SearchBundlePeriod = 'year') =>
  buildStoryRecord(
    {
      slug,
      date,
      versions: [
        { lang: 'th' as const, url: `/th/articles/${slug}/`, title: slug, summary: '', body: [th], section: 'politics' },
        ...(en ? [{ lang: 'en' as const, url: `/en/articles/${slug}/`, title: slug, summary: '', body: [en], section: 'politics' }] : []),
      ],
    },
    searchBundleFor(new Date(date), period),
  );

describe('searchStories over the index words (a Pagefind stand-in)', () => {
  it.each(THAI_EXAMPLES)('"%s" in "%s": %s (found through the index)', async (query, text, match) => {
    const found = await searchStories(fakePagefind([record('a', text)]), [], query);
    expect(found.results.length).toBe(match ? 1 : 0);
  });

  it.each(LATIN_EXAMPLES)('"%s" in "%s": %s (found through the index)', async (query, text, match) => {
    const found = await searchStories(fakePagefind([record('a', text)]), [], query);
    expect(found.results.length).toBe(match ? 1 : 0);
  });

  it('needs every part, in any version; or for Latin parts, the parts written together', async () => {
    const records = [record('both', 'น้ำท่วมหนักที่ภาคใต้'), record('one', 'น้ำท่วมภาคเหนือ'), record('pm', 'ค่าฝุ่นPM2.5สูง', 'PM2.5 is high')];
    const ids = async (q: string) => (await searchStories(fakePagefind(records), [], q)).results.map((r) => records[Number(r.id.slice(5))]!.meta.story);
    expect(await ids('น้ำท่วม ภาคใต้')).toEqual(['both']);
    expect(await ids('pm 2.5')).toEqual(['pm']);
    expect(await ids('ฝุ่น high')).toEqual(['pm']);
  });

  it('filters by language and year and sorts newest first', async () => {
    const records = [
      record('old', 'ข่าวเก่า', undefined, '2023-06-01T10:00:00+07:00'),
      record('new', 'ข่าวใหม่', 'news', '2024-12-31T23:30:00+07:00'),
      record('mid', 'ข่าวกลาง', undefined, '2024-01-01T00:10:00+07:00'),
    ];
    const pagefind = fakePagefind(records);
    const days = async () => new Map(records.map((r, i) => [`page-${i}`, new Date(r.meta['date']!).getTime() / 60000]));
    const ids = async (options: Partial<SearchOptions>) =>
      (await searchStories(pagefind, [], 'ข่าว', { ...DEFAULT_SEARCH_OPTIONS, days, ...options })).results.map((r) => r.id);
    expect(await ids({ sort: 'date' })).toEqual(['page-1', 'page-2', 'page-0']);
    expect(await ids({ year: 2024, sort: 'date' })).toEqual(['page-1', 'page-2']);
    expect(await ids({ year: 2023 })).toEqual(['page-0']);
    expect(await ids({ language: 'en' })).toEqual(['page-1']);
  });

  it('opens the version in the reader language when it matched, with a link to the other, and marks the title', async () => {
    const records = [record('putin', 'ปูตินพบสี', 'Putin meets Xi over nuclear plans')];
    const q = parseQuery('ปูติน');
    const [result] = (await searchStories(fakePagefind(records), [], 'ปูติน')).results;
    const fromEnglish = await loadStoryHit(result!, q, 'en');
    expect(fromEnglish?.main.url).toBe('/th/articles/putin/');
    expect(fromEnglish?.other?.url).toBe('/en/articles/putin/');
    expect(fromEnglish?.matchedIn).toEqual(['th']);
    const hit = await loadStoryHit(result!, parseQuery('nuclear'), 'th');
    expect(hit?.main.lang).toBe('en');
    expect(hit?.excerpt.find((p) => p.match)?.text).toBe('nuclear');
    const titled = await loadStoryHit(result!, parseQuery('put'), 'th');
    expect(titled?.title.find((p) => p.match)?.text).toBe('put');
  });

  it('finds stories by their text only, not by words of the record’s metadata (slug, addresses, date)', async () => {
    const story = (slug: string, en: string) =>
      buildStoryRecord(
        {
          slug,
          date: '2024-03-01T10:00:00+07:00',
          versions: (['th', 'en'] as const).map((lang) => ({
            lang,
            url: `/${lang}/articles/${slug}/`,
            title: 'สภา',
            summary: '',
            body: [lang === 'th' ? 'ข่าว' : en],
            section: 'politics',
          })),
        },
        '/pagefind-2024/',
      );
    // The first story holds each word in its text, the second only in its slug, address or date.
    const records = [story('a', 'The peoples of 2024 read articles'), story('thai-peoples-assembly', 'The assembly met')];
    const fake = fakePagefind(records);
    const ids = async (q: string) => (await searchStories(fake, [], q)).results.map((r) => r.id);
    for (const word of ['peoples', 'articles', '2024']) {
      expect((await fake.search(word))?.results, word).toHaveLength(2);
      expect(await ids(word), word).toEqual(['page-0']);
    }
    expect(await ids('assembly')).toEqual(['page-1']);
  });

  it('drops the stories Pagefind gives for a Latin word nothing starts with (its fallback to a shorter word)', async () => {
    const records = [record('in', 'ข่าว', 'Investment in Thailand')];
    const fake = fakePagefind(records);
    // As Pagefind does: INVX matches no word, so it answers with the words starting with "in".
    const fallback = { ...fake, search: (term: string, o?: { filters?: Record<string, PagefindFilter> }) => fake.search(term === 'invx' ? 'in' : term, o) };
    expect((await searchStories(fallback, [], 'INVX')).results).toEqual([]);
    expect((await searchStories(fallback, [], 'invest')).results).toHaveLength(1);
  });

  it('checks a Latin word bundle by bundle: one bundle’s fallback to a shorter word does not pass for a match', async () => {
    // Bundles by quarter, so that two bundles share a year: a check year by year would not tell them apart.
    const records = [
      record('a', 'ข่าว', 'Durian exports grow', '2025-08-01T10:00:00+07:00', 'quarter'),
      record('b', 'ข่าว', 'During the meeting', '2025-02-01T10:00:00+07:00', 'quarter'),
      record('c', 'ข่าว', 'Durable goods', '2025-03-01T10:00:00+07:00', 'quarter'),
    ];
    const bundles = ['/pagefind-2025-q3/', '/pagefind-2025-q1/'];
    const fake = fakePagefind(records);
    // As Pagefind does with bundles merged: the third quarter's bundle has "durian"; the first's has no
    // word starting with it and answers with the stories of "dur…" instead, first.
    const merged = {
      ...fake,
      search: async (term: string, o?: { filters?: Record<string, PagefindFilter> }) => {
        if (term !== 'durian') return fake.search(term, o);
        const bundle = o?.filters?.['bundle'];
        const from = async (b: string) => (await fake.search(b === bundles[0] ? 'durian' : 'dur', { filters: { ...o?.filters, bundle: b } }))?.results ?? [];
        return { results: typeof bundle === 'string' ? await from(bundle) : [...(await from(bundles[1]!)), ...(await from(bundles[0]!))] };
      },
    };
    const slugs = async (options: Partial<SearchOptions>) =>
      (await searchStories(merged, [], 'durian', { ...DEFAULT_SEARCH_OPTIONS, ...options })).results.map((r) => records[Number(r.id.slice(5))]!.meta.story);
    expect(await slugs({ bundles })).toEqual(['a']);
    // With one bundle, the first results decide: here the fallback's, since the search was not told of both.
    expect(await slugs({})).toHaveLength(3);
  });

  it('preloads the later index chunks that start with a query word before searching', async () => {
    const preloaded: string[] = [];
    const pagefind = { ...fakePagefind([record('a', 'SME ไทย')]), preload: async (t: string) => void preloaded.push(t) };
    await searchStories(pagefind, ['sm', 'sme', 'smes', 'smf'], 'SME');
    expect(preloaded).toEqual(['sme smes']);
  });
});

describe('index bundles by publication period', () => {
  const at = (iso: string) => new Date(iso);
  it('puts a story in the bundle of its own period, in Bangkok time', () => {
    expect(searchBundleFor(at('2025-03-05T10:00:00+07:00'), 'year')).toBe('/pagefind-2025/');
    // 31 December 18:00 UTC is already 1 January in Bangkok.
    expect(searchBundleFor(at('2024-12-31T18:00:00Z'), 'year')).toBe('/pagefind-2025/');
    expect(searchBundleFor(at('2024-12-31T16:59:00Z'), 'year')).toBe('/pagefind-2024/');
    expect(searchBundleFor(at('2025-07-01T00:00:00+07:00'), 'half')).toBe('/pagefind-2025-h2/');
    expect(searchBundleFor(at('2025-06-30T23:59:00+07:00'), 'half')).toBe('/pagefind-2025-h1/');
    expect(searchBundleFor(at('2025-09-30T12:00:00+07:00'), 'quarter')).toBe('/pagefind-2025-q3/');
    expect(searchBundleFor(at('2025-10-01T12:00:00+07:00'), 'quarter')).toBe('/pagefind-2025-q4/');
    expect(searchBundleFor(at('2025-03-05T10:00:00+07:00'), 'month')).toBe('/pagefind-2025-03/');
    expect(() => searchBundleFor(new Date('no date'), 'year')).toThrow(/no valid publication date/);
    // Parts of a bundle: eight days of a month at most, in Bangkok time.
    expect(searchPartFor(at('2025-03-01T00:00:00+07:00'))).toBe('2025-03-01');
    expect(searchPartFor(at('2025-03-08T23:59:00+07:00'))).toBe('2025-03-01');
    expect(searchPartFor(at('2025-03-09T00:00:00+07:00'))).toBe('2025-03-09');
    expect(searchPartFor(at('2025-03-24T12:00:00+07:00'))).toBe('2025-03-17');
    expect(searchPartFor(at('2025-03-31T18:00:00Z'))).toBe('2025-04-01');
    expect(searchPartFor(at('2025-03-31T12:00:00+07:00'))).toBe('2025-03-25');
    expect(searchPartFor(at('2024-02-29T12:00:00+07:00'))).toBe('2024-02-25');
    expect(() => searchPartFor(new Date('no date'))).toThrow(/no valid publication date/);
  });

  it('names each folder so that it sorts as its period and can be told from other folders', () => {
    for (const period of SEARCH_BUNDLE_PERIODS) {
      const dates = ['2023-01-02', '2025-12-30', '2024-06-15', '2024-07-15', '2025-01-01'].map((d) => at(`${d}T12:00:00+07:00`));
      const bundles = searchBundles(dates, period);
      expect(bundles[0], period).toBe(searchBundleFor(at('2025-12-30T12:00:00+07:00'), period));
      expect(bundles.at(-1), period).toBe(searchBundleFor(at('2023-01-02T12:00:00+07:00'), period));
      expect(new Set(bundles).size, period).toBe(bundles.length);
      for (const b of bundles) {
        expect(isBundleFolder(b.slice(1, -1)), b).toBe(true);
        expect([2023, 2024, 2025]).toContain(bundleYear(b));
      }
    }
    expect(searchBundles([], 'year')).toEqual([]);
    expect(isBundleFolder('pagefind-default')).toBe(false);
    expect(() => bundleYear('/pagefind/')).toThrow(/not a search bundle folder/);
  });

  it('groups stories by their own dates alone: a newer story leaves every other bundle as it was', () => {
    const story = (date: string, slug: string) => ({ published: at(`${date}T09:00:00+07:00`), slug });
    const slugs = (groups: Map<string, { slug: string }[]>) => Object.fromEntries([...groups].map(([bundle, list]) => [bundle, list.map((s) => s.slug)]));
    const before = [story('2024-05-01', 'a'), story('2023-02-01', 'b'), story('2024-01-01', 'c'), story('2025-01-02', 'd'), story('2024-05-01', '0')];
    const groups = slugs(searchBundleGroups(before, 'year'));
    // Newest first; stories of the same minute by slug.
    expect(groups).toEqual({ '/pagefind-2025/': ['d'], '/pagefind-2024/': ['0', 'a', 'c'], '/pagefind-2023/': ['b'] });
    const after = slugs(searchBundleGroups([story('2025-06-01', 'new'), ...before.reverse()], 'year'));
    expect(after['/pagefind-2025/']).toEqual(['new', 'd']);
    expect(after['/pagefind-2024/']).toEqual(groups['/pagefind-2024/']);
    expect(after['/pagefind-2023/']).toEqual(groups['/pagefind-2023/']);
  });
});

describe('spellings offered when nothing is found', () => {
  it('adds a missing tone mark or leading vowel, last letters first', () => {
    expect(spellingCandidates('เชียงใหม').slice(0, 8)).toContain('เชียงใหม่');
    expect(spellingCandidates('ชียงใหม่')).toContain('เชียงใหม่');
    expect(spellingCandidates('ขาว')).toEqual(expect.arrayContaining(['ข่าว', 'ข้าว']));
    expect(spellingCandidates('ปูติน มอสโก')).toContain('ปูติน มอสโก้');
    expect(spellingCandidates('nuclear')).toEqual([]);
    expect(spellingCandidates('ภาคตะวันออกเฉียงเหนือ', 10)).toHaveLength(10);
  });
});

describe('the site search: the newest year first, older years as needed', () => {
  // One story a year 2021–2026 holds "ภาษี"; six of 2026 and four of 2025 hold "น้ำท่วม".
  const stories = [
    ...[2026, 2025, 2024, 2023, 2022, 2021].map((y) => record(`tax-${y}`, 'ภาษี', undefined, `${y}-05-01T10:00:00+07:00`)),
    ...Array.from({ length: 6 }, (_, i) => record(`flood-26-${i}`, 'น้ำท่วม', undefined, `2026-0${i + 1}-02T10:00:00+07:00`)),
    ...Array.from({ length: 4 }, (_, i) => record(`flood-25-${i}`, 'น้ำท่วม', undefined, `2025-0${i + 1}-02T10:00:00+07:00`)),
  ];
  const bundles = ['/pagefind-2026/', '/pagefind-2025/', '/pagefind-2024/', '/pagefind-2023/', '/pagefind-2022/', '/pagefind-2021/'];
  function site() {
    const loaded: string[] = [];
    const filtersUsed: Record<string, PagefindFilter>[] = [];
    const fake = fakePagefind(stories);
    // As Pagefind does, the index holds the stories of the bundles loaded so far, and no others.
    const inIndex = (result: PagefindResult) => loaded.some((url) => url.startsWith(`/pagefind-${stories[Number(result.id.slice(5))]!.filters['year']![0]}/`));
    const pagefind = {
      ...fake,
      search: async (term: string, o?: { filters?: Record<string, PagefindFilter> }) => {
        filtersUsed.push(o?.filters ?? {});
        return { results: ((await fake.search(term, o))?.results ?? []).filter(inIndex) };
      },
      mergeIndex: async (bundle: string) => void loaded.push(bundle),
    };
    const search = new SiteSearch(
      bundles,
      async (url) => {
        loaded.push(url);
        return pagefind;
      },
      async () => [],
    );
    return { search, loaded, filtersUsed };
  }
  const options = { ...DEFAULT_SEARCH_OPTIONS };

  it('answers from the newest year when it has a page of results, and says so', async () => {
    const { search, loaded, filtersUsed } = site();
    const outcome = await search.search('น้ำท่วม', options, { minimum: 5 });
    expect(outcome.results).toHaveLength(6);
    expect(outcome.searchedYears).toEqual([2026]);
    expect(loaded).toEqual(['/pagefind-2026/pagefind.js']);
    // The index holds only the year searched: no year filter (and none of its files) is needed.
    expect(filtersUsed.some((f) => 'year' in f)).toBe(false);
  });

  it('goes on to the newest three years, then every year, telling the page each time', async () => {
    const { search, loaded } = site();
    let widened = 0;
    const three = await search.search('น้ำท่วม', options, { minimum: 8, onWiden: () => widened++ });
    expect([three.results.length, three.searchedYears, widened]).toEqual([10, [2026, 2025, 2024], 1]);
    const all = await search.search('ภาษี', options, { minimum: 8, onWiden: () => widened++ });
    expect([all.results.length, all.searchedYears, widened]).toEqual([6, null, 2]);
    expect(loaded).toEqual(['/pagefind-2026/pagefind.js', ...bundles.slice(1)]);
  });

  it('counts only the years it names, even with an older year loaded before', async () => {
    const { search } = site();
    expect((await search.search('ภาษี', { ...options, year: 2021 }, { minimum: 5 })).results).toHaveLength(1);
    const newest = await search.search('ภาษี', options, { minimum: 1 });
    expect([newest.results.length, newest.searchedYears]).toEqual([1, [2026]]);
    search.searchAllYears();
    expect((await search.search('ภาษี', options, { minimum: 1 })).searchedYears).toBeNull();
  });
});

describe('the site search of a site without stories', () => {
  it('finds nothing and loads nothing', async () => {
    const search = new SiteSearch(
      [],
      () => Promise.reject(new Error('nothing to load')),
      () => Promise.reject(new Error('nothing to fetch')),
    );
    const outcome = await search.search('ข่าว', DEFAULT_SEARCH_OPTIONS, { minimum: 10 });
    expect([outcome.results, outcome.searchedYears]).toEqual([[], null]);
  });
});
