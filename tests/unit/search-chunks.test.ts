import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkStartsToPreload, pagefindWord, readChunkStarts } from '../../src/lib/search/chunks.ts';
import { SEARCH_INDEX_LANGUAGE } from '../../src/lib/search/record.ts';

describe('query words as Pagefind compares them', () => {
  it('drops case, punctuation and combining marks, as pagefind.js does', () => {
    expect(pagefindWord('SMEs,')).toBe('smes');
    expect(pagefindWord('“COVID-19”')).toBe('covid19');
    expect(pagefindWord('ปูติน')).toBe('ปตน');
    expect(pagefindWord('Café')).toBe('cafe');
    expect(pagefindWord('...')).toBe('');
  });
});

describe('chunks to preload', () => {
  const starts = ['0', '2567', '25680', 'sm', 'sme', 'smeb', 'smes', 'smf', 'ปตนา'];
  it('takes every chunk whose first word is longer and starts with a query word', () => {
    expect(chunkStartsToPreload(starts, 'sme')).toEqual(['smeb', 'smes']);
    expect(chunkStartsToPreload(starts, 'SME 2567')).toEqual(['smeb', 'smes']);
    expect(chunkStartsToPreload(starts, '256')).toEqual(['2567', '25680']);
    expect(chunkStartsToPreload(starts, 'ปูติน')).toEqual(['ปตนา']);
  });
  it('takes none when no chunk starts inside the word’s range, and none for an empty query', () => {
    expect(chunkStartsToPreload(starts, 'smf')).toEqual([]);
    expect(chunkStartsToPreload(starts, 'xyz')).toEqual([]);
    expect(chunkStartsToPreload(starts, '')).toEqual([]);
  });
  it('takes each start once and at most the limit per word', () => {
    expect(chunkStartsToPreload(starts, 'sme smeb sme')).toEqual(['smeb', 'smes']);
    expect(chunkStartsToPreload(starts, 's', 2)).toEqual(['sm', 'sme']);
    expect(chunkStartsToPreload(starts, 's 2', 1)).toEqual(['sm', '2567']);
  });
});

describe('reading chunk starts from a real Pagefind index', () => {
  afterAll(() => pagefind.close());

  it('lists the first word of each chunk, in order, from the metadata Pagefind writes', async () => {
    const { index } = await pagefind.createIndex({});
    // Enough distinct words for several chunks: w00000 … w19999.
    const words = Array.from({ length: 20000 }, (_, i) => `w${String(i).padStart(5, '0')}`);
    for (let page = 0; page < 20; page++) {
      const content = words.slice(page * 1000, (page + 1) * 1000).join(' ');
      await index!.addCustomRecord({ url: `/p${page}/`, content, language: SEARCH_INDEX_LANGUAGE, meta: { title: words[page * 1000]! } });
    }
    const { files } = await index!.getFiles();
    const meta = files.find((f) => f.path.endsWith('.pf_meta'))!;
    const starts = readChunkStarts(gunzipSync(meta.content));
    expect(starts.length).toBeGreaterThan(1);
    expect(starts[0]).toBe('w00000');
    expect([...starts].sort()).toEqual(starts);
    for (const start of starts) expect(words).toContain(start);
  });

  it('rejects a file that is not Pagefind metadata, saying so', () => {
    expect(() => readChunkStarts(new TextEncoder().encode('{"not":"cbor"}'))).toThrow(/not a Pagefind metadata file/i);
  });
});
