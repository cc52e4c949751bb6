import { groupForBundles, searchBundles } from '../../src/lib/search/bundles.ts';
import { describe, expect, it } from 'vitest';
import { loadStoryHit, searchStories, type PagefindApi, type PagefindResult } from '../../src/lib/search/engine.ts';
import { buildExcerpt } from '../../src/lib/search/excerpt.ts';
import { longestRun, parseQuery, piecesAreContiguous, textContainsQuery, toPagefindQuery } from '../../src/lib/search/query.ts';
import { buildStoryRecord, splitVersions } from '../../src/lib/search/record.ts';
import { fromIndexText, markThaiWordBoundaries, spellThai, termPieces, thaiDigitsToArabic, toIndexText, unspellThai, WORD_MARK } from '../../src/lib/search/text.ts';

const words = (marked: string) => marked.split(WORD_MARK);

describe('Thai text for the index', () => {
  it('marks the boundaries of Thai words, and between Thai and anything glued to it', () => {
    expect(words(markThaiWordBoundaries('น้ำท่วมภาคใต้'))).toEqual(['น้ำ', 'ท่วม', 'ภาค', 'ใต้']);
    expect(words(markThaiWordBoundaries('“น้ำท่วม”'))).toEqual(['“', 'น้ำ', 'ท่วม', '”']);
    expect(words(markThaiWordBoundaries('ฝุ่นPM2.5'))).toEqual(['ฝุ่น', 'PM2.5']);
    expect(markThaiWordBoundaries('COVID-19 and ASEAN')).toBe('COVID-19 and ASEAN');
    expect(markThaiWordBoundaries('ไทย จีน')).toBe('ไทย จีน');
  });

  it('spells Thai letter for letter in plain letters, and back', () => {
    const text = 'ข้าว ข่าว ขาว น้ำ';
    const spelled = spellThai(text);
    expect(spelled).not.toMatch(/[\u0E00-\u0E7F]/);
    expect(spelled).not.toMatch(/\p{M}/u);
    expect(new Set(spelled.split(' ')).size).toBe(4);
    expect(unspellThai(spelled)).toBe(text);
  });

  it('round-trips a story text through the index form', () => {
    const text = 'ประธานาธิบดีวลาดิมีร์ ปูติน (Vladimir Putin) กล่าวว่า “ความสัมพันธ์…” เมื่อ ๕ มี.ค.';
    expect(fromIndexText(toIndexText(text))).toBe(thaiDigitsToArabic(text));
  });

  it('writes Thai digits as Arabic digits', () => {
    expect(thaiDigitsToArabic('พ.ศ. ๒๕๖๘ และ 2025')).toBe('พ.ศ. 2568 และ 2025');
  });
});

describe('queries', () => {
  it('cuts each term into the words the index holds', () => {
    expect(termPieces('เมียนมา')).toEqual(['เมีย', 'นมา']);
    expect(termPieces('COVID-19')).toEqual(['COVID-19']);
    expect(termPieces('“คว่ำบาตร”')).toEqual(['คว่ำ', 'บาตร']);
    expect(termPieces('ฝุ่นPM2.5')).toEqual(['ฝุ่น', 'PM2.5']);
  });

  it('keeps the terms a reader separated with spaces, with or without spaces inside Thai', () => {
    const spaced = parseQuery('  น้ำท่วม   ภาคใต้ ');
    expect(spaced.terms.map((t) => t.text)).toEqual(['น้ำท่วม', 'ภาคใต้']);
    expect(spaced.terms.map((t) => t.pieces)).toEqual([
      ['น้ำ', 'ท่วม'],
      ['ภาค', 'ใต้'],
    ]);
    expect(parseQuery('น้ำท่วมภาคใต้').terms).toHaveLength(1);
    expect(parseQuery('๒๕๖๗').terms[0]?.text).toBe('2567');
    expect(parseQuery('   ').terms).toEqual([]);
    expect(parseQuery('“ ”').terms).toEqual([]);
  });

  it('asks Pagefind for the spelled pieces', () => {
    expect(parseQuery('ปูติน nuclear').text).toBe(toPagefindQuery(['ปู', 'ติน', 'nuclear']));
    expect(toPagefindQuery(['ปู', 'nuclear'])).toBe(`${spellThai('ปู')} nuclear`);
  });

  it('requires the pieces of a term to stand together', () => {
    expect(longestRun([])).toBe(0);
    expect(longestRun([7])).toBe(1);
    expect(longestRun([3, 4, 9, 10, 11, 20])).toBe(3);
    expect(longestRun([5, 3, 4, 4])).toBe(3);
    expect(piecesAreContiguous(1, [9])).toBe(true);
    expect(piecesAreContiguous(2, [3, 9])).toBe(false);
    expect(piecesAreContiguous(2, [3, 4])).toBe(true);
    expect(piecesAreContiguous(3, [3, 4, 9])).toBe(false);
  });

  it('checks a text for every term, ignoring case, digit script and invisible characters', () => {
    const query = parseQuery('ปูติน NUCLEAR ๒๕๖๘');
    expect(textContainsQuery('ประธานาธิบดีปู\u200Bติน nuclear 2568', query)).toBe(true);
    expect(textContainsQuery('ปู ติน nuclear 2568', query)).toBe(false);
    expect(textContainsQuery('ปูติน nuclear', query)).toBe(false);
  });
});

describe('excerpts', () => {
  it('centres on the first match and marks every occurrence of every term', () => {
    const text = `${'ก'.repeat(300)} ปูตินพบสี และปูตินกล่าว ${'ข'.repeat(300)}`;
    const parts = buildExcerpt(text, ['ปูติน', 'สี'], 40);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['ปูติน', 'สี', 'ปูติน']);
    expect(parts[0]?.text.startsWith('… ')).toBe(true);
    expect(parts.at(-1)?.text.endsWith(' …')).toBe(true);
  });

  it('keeps hostile text as text parts', () => {
    const parts = buildExcerpt('<img src=x onerror=alert(1)> ปูติน', ['ปูติน']);
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> ปูติน');
  });
});

const story = buildStoryRecord({
  slug: 'putin-visit',
  date: '2025-03-05T18:00:00+07:00',
  versions: [
    { lang: 'en', url: '/en/articles/putin-visit/', title: 'Putin meets Min Aung Hlaing', summary: 'Sum.', body: ['Nuclear plant.'], section: 'world' },
    { lang: 'th', url: '/th/articles/putin-visit/', title: 'ปูตินพบมิน อ่อง หล่าย', summary: 'สรุป', body: ['โรงไฟฟ้านิวเคลียร์'], section: 'world' },
  ],
});

describe('story records', () => {
  it('hold both versions, Thai first, with language and section filters', () => {
    expect(story.url).toBe('/th/articles/putin-visit/');
    expect(story.filters).toEqual({ language: ['th', 'en'], section: ['world'] });
    expect(story.meta).toMatchObject({ story: 'putin-visit', langs: 'th,en', url_en: '/en/articles/putin-visit/', title_th: 'ปูตินพบมิน อ่อง หล่าย' });
    const versions = splitVersions(story.content, ['th', 'en']);
    expect(versions.th).toContain('ปูตินพบมิน อ่อง หล่าย');
    expect(versions.en).toContain('Nuclear plant.');
  });
});

/** A stand-in for Pagefind: answers with fixed word positions. */
function fakePagefind(answers: Record<string, { id: string; words: number[] }[]>, content = story.content, preloaded: string[] = []): PagefindApi {
  return {
    preload: async (term) => {
      preloaded.push(term);
    },
    search: async (term) => ({
      results: (answers[term] ?? []).map(
        (r): PagefindResult => ({ ...r, data: async () => ({ url: story.url, content, excerpt: '', meta: story.meta }) }),
      ),
    }),
  };
}

describe('searchStories and loadStoryHit', () => {
  it('drops pages where the pieces of a name are scattered', async () => {
    const q = parseQuery('ปูติน');
    const pagefind = fakePagefind({ [q.text]: [{ id: 'together', words: [4, 5] }, { id: 'scattered', words: [4, 9] }] });
    const outcome = await searchStories(pagefind, [], 'ปูติน', 'all');
    expect(outcome.results.map((r) => r.id)).toEqual(['together']);
  });

  it('checks each term of a spaced query on its own', async () => {
    const all = parseQuery('ปูติน นิวเคลียร์');
    const pagefind = fakePagefind({
      [all.text]: [{ id: 'a', words: [1, 2, 7] }, { id: 'b', words: [1, 2, 7] }],
      [toPagefindQuery(all.terms[0]!.pieces)]: [{ id: 'a', words: [1, 2] }, { id: 'b', words: [1, 5] }],
      [toPagefindQuery(all.terms[1]!.pieces)]: [{ id: 'a', words: [7, 8] }, { id: 'b', words: [7, 8] }],
    });
    expect((await searchStories(pagefind, [], 'ปูติน นิวเคลียร์', 'all')).results.map((r) => r.id)).toEqual(['a']);
  });

  it('opens the version in the reader language when it matched, with a link to the other', async () => {
    const q = parseQuery('ปูติน');
    const [result] = (await searchStories(fakePagefind({ [q.text]: [{ id: 'a', words: [1, 2] }] }), [], 'ปูติน', 'all')).results;
    const fromEnglish = await loadStoryHit(result!, q, 'en');
    expect(fromEnglish?.main.url).toBe('/th/articles/putin-visit/');
    expect(fromEnglish?.other?.url).toBe('/en/articles/putin-visit/');
    expect(fromEnglish?.matchedIn).toEqual(['th']);
    const nuclear = parseQuery('nuclear');
    const hit = await loadStoryHit(result!, nuclear, 'th');
    expect(hit?.main.lang).toBe('en');
    expect(hit?.excerpt.find((p) => p.match)?.text).toBe('Nuclear');
  });

  it('preloads the later index chunks that start with a query word before searching', async () => {
    const q = parseQuery('SME');
    const calls: string[] = [];
    const preloaded: string[] = [];
    const pagefind = fakePagefind({ [q.text]: [{ id: 'a', words: [3] }] }, story.content, preloaded);
    const search = pagefind.search;
    pagefind.search = async (term, options) => {
      calls.push(`search after ${preloaded.length} preload(s)`);
      return search(term, options);
    };
    await searchStories(pagefind, ['sm', 'sme', 'smes', 'smf'], 'SME', 'all');
    expect(preloaded).toEqual([`${q.text} smes`]);
    expect(calls).toEqual(['search after 1 preload(s)']);
    await searchStories(pagefind, ['sm', 'sme', 'smf'], 'SME', 'all');
    expect(preloaded).toHaveLength(1); // nothing longer starts a chunk: no preload call at all
  });

  it('drops a result whose text does not really contain the query (Pagefind matched a shorter word)', async () => {
    const q = parseQuery('ปูตินา');
    const [result] = (await searchStories(fakePagefind({ [q.text]: [{ id: 'a', words: [1, 2] }] }), [], 'ปูตินา', 'all')).results;
    expect(await loadStoryHit(result!, q, 'th')).toBeNull();
  });
});

describe('index bundles', () => {
  it('keeps a small site in Pagefind’s one /pagefind/ bundle and splits a large one in order', () => {
    expect(searchBundles(0, 2000)).toEqual(['/pagefind/']);
    expect(searchBundles(2000, 2000)).toEqual(['/pagefind/']);
    expect(searchBundles(2001, 2000)).toEqual(['/pagefind/', '/pagefind-2/']);
    expect(searchBundles(10_000, 2000)).toHaveLength(5);
    expect(groupForBundles([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(groupForBundles([], 2)).toEqual([[]]);
    // As many groups as bundles, whatever the sizes.
    for (const [n, per] of [[1, 1], [7, 3], [4000, 2000], [4001, 2000]] as const) {
      expect(groupForBundles(Array.from({ length: n }, (_, i) => i), per)).toHaveLength(searchBundles(n, per).length);
    }
  });
});
