import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundles } from '../../src/integrations/search-index.ts';
import { searchPartFor, type SearchBundleStories } from '../../src/lib/search/bundles.ts';
import { CborWriter, decodeCbor } from '../../src/lib/search/cbor.ts';
import { compareCodePoints, mergePagefindIndexes, type PagefindPart } from '../../src/lib/search/pagefind-merge.ts';
import type { SearchStory } from '../../src/lib/search/record.ts';

/**
 * The merge is right when it writes what Pagefind writes for the whole bundle: the same metadata,
 * index chunks and filters, byte for byte once unzipped, names included. Small chunks (Pagefind's
 * chunk size, set for its process) make many chunk boundaries; the bundle's six parts (eight days of a
 * month each at most, as the build cuts them) share many words, and the parts with English have fields
 * the Thai-only parts lack, so their metadata locations are renumbered.
 */

const THAI = ['การท่องเที่ยวแห่งประเทศไทย', 'รองนายกรัฐมนตรี', 'ภาคการเกษตร', 'ก.ล.ต.', 'ไทย–ลาว', 'เมียนมาร์', 'PM2.5', 'COP29', 'ศาลาว่าการ'];
const ENGLISH = ['Tourism Authority of Thailand', 'deputy prime minister', 'farm sector', 'India–Thailand', 'smes', 'café', 'naïve résumé'];

function story(i: number, month: string, english: boolean): SearchStory {
  const pick = (list: string[], n: number) => Array.from({ length: n }, (_, k) => list[(i * 7 + k * 3) % list.length]).join(' ');
  const versions: SearchStory['versions'] = [
    {
      lang: 'th',
      url: `/th/articles/s${i}/`,
      title: `ข่าว ${pick(THAI, 2)}`,
      summary: pick(THAI, 3),
      body: [pick(THAI, 6), pick(THAI, 4)],
      section: 'politics',
    },
  ];
  if (english)
    versions.push({
      lang: 'en',
      url: `/en/articles/s${i}/`,
      title: `News ${pick(ENGLISH, 2)}`,
      summary: pick(ENGLISH, 3),
      body: [pick(ENGLISH, 5)],
      section: 'politics',
    });
  return { slug: `s${i}`, date: `2025-${month}-${String(10 + (i % 15)).padStart(2, '0')}T09:00:00+07:00`, versions };
}

// Newest first, as a bundle's file lists them: March (with English), February (Thai only), January (both).
const months: SearchStory[][] = [
  Array.from({ length: 9 }, (_, i) => story(i, '03', true)),
  Array.from({ length: 7 }, (_, i) => story(20 + i, '02', false)),
  Array.from({ length: 8 }, (_, i) => story(40 + i, '01', i % 2 === 0)),
];
const CHUNK_SIZE = 150;

let work: string;
const unpack = (bytes: Buffer) => gunzipSync(bytes).subarray('pagefind_dcd'.length);

async function index(name: string, stories: SearchStory[]): Promise<string> {
  const file = join(work, `${name}.json`);
  await writeFile(file, JSON.stringify({ bundle: '/pagefind-2025/', stories } satisfies SearchBundleStories));
  await writeBundles([{ storiesFile: file, outputPath: join(work, name) }]);
  return join(work, name);
}

async function readPart(dir: string): Promise<PagefindPart> {
  const files = async (kind: string) =>
    new Map(
      await Promise.all(
        (await readdir(join(dir, kind))).map(async (name) => [name.replace(/\.pf_\w+$/, ''), unpack(await readFile(join(dir, kind, name)))] as const),
      ),
    );
  const meta = (await readdir(dir)).find((name) => name.endsWith('.pf_meta'))!;
  return { meta: unpack(await readFile(join(dir, meta))), chunks: await files('index'), filters: await files('filter') };
}

describe('merging Pagefind indexes of a bundle’s parts', () => {
  let whole: PagefindPart;
  let parts: PagefindPart[];
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'pagefind-merge-'));
    process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(CHUNK_SIZE);
    try {
      whole = await readPart(await index('whole', months.flat()));
      parts = [];
      // One at a time: Pagefind's module runs one indexing process per thread.
      const lists = [...Map.groupBy(months.flat(), (story) => searchPartFor(new Date(story.date))).values()];
      expect(lists).toHaveLength(6);
      for (const [i, list] of lists.entries()) parts.push(await readPart(await index(`part-${i}`, list)));
    } finally {
      delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    }
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('writes the metadata, index chunks and filters Pagefind writes for the whole bundle', () => {
    const merged = mergePagefindIndexes(parts, { language: 'zz', chunkSize: CHUNK_SIZE });
    expect(merged.chunks.length).toBeGreaterThan(5);
    expect(Buffer.from(merged.meta.bytes).equals(whole.meta)).toBe(true);
    expect(merged.chunks.map((c) => c.hash).sort()).toEqual([...whole.chunks.keys()].sort());
    for (const chunk of merged.chunks) expect(Buffer.from(chunk.bytes).equals(whole.chunks.get(chunk.hash)!), chunk.hash).toBe(true);
    expect(merged.filters.map((f) => f.hash).sort()).toEqual([...whole.filters.keys()].sort());
    for (const filter of merged.filters) expect(Buffer.from(filter.bytes).equals(whole.filters.get(filter.hash)!), filter.hash).toBe(true);
  });

  it('renumbers metadata fields: the parts do not all have the same fields', () => {
    const fields = parts.map((part) => JSON.stringify((decodeCbor(part.meta) as unknown[])[5]));
    expect(new Set(fields).size).toBeGreaterThan(1);
  });

  it('one part is that part’s own index', () => {
    const merged = mergePagefindIndexes([parts[1]!], { language: 'zz', chunkSize: CHUNK_SIZE });
    expect(Buffer.from(merged.meta.bytes).equals(parts[1]!.meta)).toBe(true);
  });

  it('refuses two pages with one fragment name, and a missing chunk', () => {
    expect(() => mergePagefindIndexes([parts[0]!, parts[0]!], { language: 'zz', chunkSize: CHUNK_SIZE })).toThrow(/share the fragment/);
    const broken: PagefindPart = { ...parts[0]!, chunks: new Map() };
    expect(() => mergePagefindIndexes([broken], { language: 'zz', chunkSize: CHUNK_SIZE })).toThrow(/index chunk .* is missing/);
  });
});

describe('CBOR and order helpers', () => {
  it('writes the shortest heads, as minicbor does, and reads them back', () => {
    const value = [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, -1, -24, -25, -257, 'ไทย', ['a', []]];
    const bytes = new CborWriter().value(value).bytes();
    expect(decodeCbor(bytes)).toEqual(value);
    expect([...new CborWriter().integer(24).bytes()]).toEqual([0x18, 24]);
    expect([...new CborWriter().integer(-25).bytes()]).toEqual([0x38, 24]);
  });

  it('orders strings by code point, as Rust does, not by UTF-16 unit', () => {
    expect(['\uFF21', '\u{1F600}', 'a'].sort(compareCodePoints)).toEqual(['a', '\uFF21', '\u{1F600}']);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
  });
});
