import { createHash } from 'node:crypto';
import { CborCursor, CborWriter, decodeCbor } from './cbor.ts';

/**
 * Merges Pagefind indexes of parts of a bundle (eight days each at most) into the index Pagefind
 * writes for the whole bundle at the same chunk size: the same metadata, index chunks and filters,
 * content for content and name for name (tests/unit/pagefind-merge.test.ts checks it against
 * Pagefind). Pagefind takes time and memory in proportion to the stories it indexes, and a year of a
 * large archive takes it most of a publish; merging a year's parts, of which a publish re-indexes one,
 * copies their words' page lists instead of reading the stories again.
 *
 * Each part lists its words in order, so the parts are read side by side, a heap of them giving the
 * next word, and each word is written as soon as the parts holding it are read: faster, and lighter
 * in memory, than a table of the year's words sorted at the end, for the same files (the README has
 * the measure).
 *
 * The files are those of Pagefind 1.6: metadata [version, pages [[hash, words]], chunks [[from, to,
 * hash]], filters [[name, hash]], sorts, meta fields]; an index chunk [[[word, pages, variants]]], a
 * page [page number (delta to the previous page), locations, metadata locations], a variant [form,
 * pages]; a filter [name, [[value, pages]]]. Page numbers count the bundle's pages in the order of the
 * parts, as Pagefind numbers the stories of the whole bundle in the order they are added.
 */

/** One part's index, its files unpacked (gunzipped, without Pagefind's signature). */
export interface PagefindPart {
  meta: Uint8Array;
  /** Index chunks by hash (the names in the metadata). */
  chunks: ReadonlyMap<string, Uint8Array>;
  /** Filters by hash. */
  filters: ReadonlyMap<string, Uint8Array>;
}

export interface MergedFile {
  hash: string;
  bytes: Uint8Array;
}

export interface MergedIndex {
  /** The metadata, named pagefind.<hash>.pf_meta. */
  meta: MergedFile;
  chunks: MergedFile[];
  filters: MergedFile[];
  /** Every page's fragment hash, in page order (the fragments are the parts' own files). */
  pages: string[];
}

export interface MergeOptions {
  /** The language the index is built under: the prefix of every file's hash. */
  language: string;
  /** Pagefind's index chunk size (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; locations and pages, not bytes). */
  chunkSize: number;
}

/**
 * The bundles' chunk size: half Pagefind's default (20,000). A first search loads the bundle's metadata,
 * which lists every chunk, and a chunk per query word; and Pagefind's browser code compares each query
 * word with every word of the chunks loaded. Smaller chunks make both the chunks a query loads and its
 * comparisons fewer, for a longer chunk list; at a quarter of the default, the list outgrew the savings
 * at 10,000 stories (npm run bench -- --publish and npm run bench:search measure both; see the README).
 */
export const SEARCH_CHUNK_SIZE = 10_000;

type Meta = [version: string, pages: [string, number][], chunks: [string, string, string][], filters: [string, string][], sorts: unknown[], fields: string[]];

/**
 * A word's pages within one part: where its page list's bytes lie, so that merging copies them. Only
 * the first page's number changes (it is a delta to the previous page, which is now in another part).
 */
interface Segment {
  bytes: Uint8Array;
  count: number;
  /** Absolute page numbers (in the merged index) of the first and last page. */
  first: number;
  last: number;
  /** The bytes after the first page's number, up to the end of the last page. */
  restStart: number;
  restEnd: number;
  /** Pagefind's chunk measure: locations and metadata locations, plus one, for each page. */
  size: number;
}

export function mergePagefindIndexes(parts: readonly PagefindPart[], options: MergeOptions): MergedIndex {
  const metas = parts.map((part) => decodeCbor(part.meta) as unknown as Meta);
  if (metas.length === 0) throw new Error('Pagefind merge: no parts to merge');
  if (metas.some((meta) => meta[4].length > 0)) throw new Error('Pagefind merge: sort orders are not supported (the search index sets none)');
  const fields = [...new Set(metas.flatMap((meta) => meta[5]))].sort(compareCodePoints);
  const pages: [string, number][] = [];
  const filters = new Map<string, Map<string, number[]>>();
  const fragments = new Set<string>();
  const streams = new StreamHeap();

  parts.forEach((part, i) => {
    const meta = metas[i]!;
    const offset = pages.length;
    for (const page of meta[1]) {
      if (fragments.has(page[0])) throw new Error(`Pagefind merge: two pages share the fragment ${page[0]}: the same page is in two parts of the bundle`);
      fragments.add(page[0]);
      pages.push(page);
    }
    // Metadata locations name their field by its place in the field list, which may differ between parts.
    const fieldIds = meta[5].map((field) => fields.indexOf(field));
    const remap = fieldIds.some((id, j) => id !== j) ? fieldIds : null;
    const stream = new WordStream(
      meta[2].map(([, , hash]) => need(part.chunks, hash, 'index chunk')),
      i,
      offset,
      remap,
    );
    if (!stream.done) streams.push(stream);
    for (const [name, hash] of meta[3]) {
      const [, values] = decodeCbor(need(part.filters, hash, 'filter')) as unknown as [string, [string, number[]][]];
      const merged = filters.get(name) ?? filters.set(name, new Map()).get(name)!;
      for (const [value, list] of values) {
        const into = merged.get(value) ?? merged.set(value, []).get(value)!;
        for (const page of list) into.push(page + offset);
      }
    }
  });

  const language = options.language;
  const chunkNames = new Names(language);
  const chunkFiles: MergedFile[] = [];
  const ranges: [string, string][] = [];
  const decoder = new TextDecoder();
  // Index chunks: the words in order, cut once a chunk's measure reaches the chunk size (Pagefind's
  // chunk_index). Each part lists its words in that order, so the parts' lists are merged as they are
  // read, one word at a time, and each word's entry is written as soon as every part holding it is read.
  let chunk = new CborWriter();
  let count = 0;
  let size = 0;
  let first = '';
  let last: Uint8Array | null = null;
  const pageLists: Segment[] = [];
  const holders: WordStream[] = [];
  for (;;) {
    // The smallest word at hand, and every part holding it, in part order.
    const min = streams.pop();
    if (!min) break;
    holders.length = 0;
    holders.push(min);
    while (streams.top()?.compare(min) === 0) holders.push(streams.pop()!);
    const word = min.word();
    if (count === 0) first = itemText(word, decoder);
    last = word;
    chunk.array(3).raw(word);
    pageLists.length = 0;
    let variants: Map<string, Segment[]> | null = null;
    for (const { cursor, offset, remap } of holders) {
      const segment = readPages(cursor, offset, remap);
      if (segment) pageLists.push(segment);
      const forms = cursor.next();
      for (let v = 0; v < forms; v++) {
        cursor.next();
        const form = cursor.text(cursor.next(), decoder);
        const list = readPages(cursor, offset, remap);
        variants ??= new Map();
        const into = variants.get(form) ?? variants.set(form, []).get(form)!;
        if (list) into.push(list);
      }
    }
    for (const stream of holders) {
      stream.advance();
      if (!stream.done) streams.push(stream);
    }
    writePages(chunk, pageLists);
    chunk.array(variants?.size ?? 0);
    for (const [form, list] of variants ?? []) writePages(chunk.array(2).text(form), list);
    size += sum(pageLists) + (variants ? variants.size + [...variants.values()].reduce((s, list) => s + sum(list), 0) : 0);
    count++;
    if (size >= options.chunkSize) {
      closeChunk();
      size = 0;
    }
  }
  if (count > 0) closeChunk();

  function closeChunk(): void {
    const bytes = Buffer.concat([new CborWriter().array(1).array(count).bytes(), chunk.bytes()]);
    chunkFiles.push({ hash: chunkNames.name(bytes), bytes });
    ranges.push([first, itemText(last!, decoder)]);
    chunk = new CborWriter();
    count = 0;
  }
  shortenRanges(ranges);

  const filterNames = new Names(language);
  const filterFiles: MergedFile[] = [];
  const filterList: [string, string][] = [];
  for (const name of [...filters.keys()].sort(compareCodePoints)) {
    const values = [...filters.get(name)!].sort((a, b) => compareCodePoints(a[0], b[0]));
    const bytes = new CborWriter().value([name, values]).bytes();
    const hash = filterNames.name(bytes);
    filterFiles.push({ hash, bytes });
    filterList.push([name, hash]);
  }

  const meta: Meta = [metas[0]![0], pages, ranges.map(([from, to], i) => [from, to, chunkFiles[i]!.hash]), filterList, [], fields];
  const metaBytes = new CborWriter().value(meta).bytes();
  return {
    meta: { hash: `${language}_${sha1(metaBytes).slice(0, language.length + 8)}`, bytes: metaBytes },
    chunks: chunkFiles,
    filters: filterFiles,
    pages: pages.map(([hash]) => hash),
  };
}

function need(files: ReadonlyMap<string, Uint8Array>, hash: string, kind: string): Uint8Array {
  const bytes = files.get(hash);
  if (!bytes) throw new Error(`Pagefind merge: the ${kind} ${hash} named in a part's metadata is missing`);
  return bytes;
}

const sum = (segments: readonly Segment[]) => segments.reduce((s, segment) => s + segment.size, 0);

/** A CBOR text item's text. */
function itemText(item: Uint8Array, decoder: TextDecoder): string {
  const cursor = new CborCursor(item);
  return cursor.text(cursor.next(), decoder);
}

/**
 * A part's words in order, read from its index chunks one entry at a time: the word at hand (its text
 * item's bytes, compared as bytes: UTF-8 orders as code points do, as Rust's strings), then its page
 * lists, read by the merge through `cursor`. Nothing is decoded that is copied as it is.
 */
class WordStream {
  /** The part's place in the bundle. */
  readonly part: number;
  readonly offset: number;
  readonly remap: readonly number[] | null;
  cursor: CborCursor;
  done = false;
  private readonly chunks: readonly Uint8Array[];
  private nextChunk = 0;
  private left = 0;
  /** The word at hand's text item in `cursor.bytes`: its head from `item`, its bytes from `start` to `end`. */
  private item = 0;
  private start = 0;
  private end = 0;

  constructor(chunks: readonly Uint8Array[], part: number, offset: number, remap: readonly number[] | null) {
    this.chunks = chunks;
    this.part = part;
    this.offset = offset;
    this.remap = remap;
    this.cursor = new CborCursor(new Uint8Array(0));
    this.advance();
  }

  /** Moves to the next word, its page lists left to read. */
  advance(): void {
    while (this.left === 0) {
      if (this.nextChunk === this.chunks.length) {
        this.done = true;
        return;
      }
      this.cursor = new CborCursor(this.chunks[this.nextChunk++]!);
      this.cursor.next();
      this.left = this.cursor.next();
    }
    this.left--;
    const cursor = this.cursor;
    cursor.next();
    this.item = cursor.pos;
    const length = cursor.next();
    this.start = cursor.pos;
    this.end = this.start + length;
    cursor.pos = this.end;
  }

  /** The word at hand's text item (head and bytes), as it is written. */
  word(): Uint8Array {
    return this.cursor.bytes.subarray(this.item, this.end);
  }

  // A loop rather than Buffer's compare: measured side by side on a year's parts, the merge took
  // nearly twice as long with Buffer's (a call into C++ for each comparison of two short words).
  compare(other: WordStream): number {
    const a = this.cursor.bytes;
    const b = other.cursor.bytes;
    const length = Math.min(this.end - this.start, other.end - other.start);
    for (let i = 0; i < length; i++) {
      const d = a[this.start + i]! - b[other.start + i]!;
      if (d !== 0) return d;
    }
    return this.end - this.start - (other.end - other.start);
  }
}

/** The parts' word streams as a binary heap: the smallest word on top, of two equal words the earlier part's. */
class StreamHeap {
  private readonly items: WordStream[] = [];

  top(): WordStream | undefined {
    return this.items[0];
  }

  push(stream: WordStream): void {
    const items = this.items;
    let i = items.push(stream) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(stream, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = stream;
  }

  pop(): WordStream | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && before(items[child + 1]!, items[child]!)) child++;
      if (!before(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

function before(a: WordStream, b: WordStream): boolean {
  const order = a.compare(b);
  return order < 0 || (order === 0 && a.part < b.part);
}

/** Steps over a page list, noting where its bytes lie; rewrites it when metadata field numbers change. */
function readPages(cursor: CborCursor, offset: number, remap: readonly number[] | null): Segment | null {
  const count = cursor.next();
  let page = 0;
  let first = 0;
  let restStart = 0;
  let size = 0;
  let metaLocations = false;
  for (let i = 0; i < count; i++) {
    cursor.next();
    page += cursor.next();
    if (i === 0) {
      first = page;
      restStart = cursor.pos;
    }
    const locs = cursor.next();
    cursor.skipIntegers(locs);
    const metaLocs = cursor.next();
    cursor.skipIntegers(metaLocs);
    if (metaLocs > 0) metaLocations = true;
    size += locs + metaLocs + 1;
  }
  if (count === 0) return null;
  const segment: Segment = { bytes: cursor.bytes, count, first: first + offset, last: page + offset, restStart, restEnd: cursor.pos, size };
  return remap && metaLocations ? remapFields(segment, remap) : segment;
}

/** A segment whose metadata locations name fields by the merged field list (-(id + 1) marks a field). */
function remapFields(segment: Segment, remap: readonly number[]): Segment {
  const cursor = new CborCursor(segment.bytes, segment.restStart);
  const out = new CborWriter();
  for (let i = 0; i < segment.count; i++) {
    if (i > 0) {
      cursor.next();
      out.array(3).integer(cursor.next());
    }
    const start = cursor.pos;
    const locs = cursor.next();
    cursor.skipIntegers(locs);
    out.raw(segment.bytes.subarray(start, cursor.pos));
    const metaLocs = cursor.next();
    out.array(metaLocs);
    for (let j = 0; j < metaLocs; j++) {
      const value = cursor.next();
      const n = cursor.major === 1 ? -1 - value : value;
      out.integer(n < 0 ? -(remap[-n - 1]! + 1) : n);
    }
  }
  const bytes = out.bytes();
  return { ...segment, bytes, restStart: 0, restEnd: bytes.length };
}

/** Writes a word's (or variant's) page list from its parts' segments, each first page renumbered. */
function writePages(out: CborWriter, segments: readonly Segment[]): void {
  out.array(segments.reduce((s, segment) => s + segment.count, 0));
  let last = 0;
  for (const segment of segments) {
    out
      .array(3)
      .integer(segment.first - last)
      .raw(segment.bytes.subarray(segment.restStart, segment.restEnd));
    last = segment.last;
  }
}

/** Shortens each chunk's first and last word to where neighbouring chunks differ (Pagefind's chunk_meta). */
function shortenRanges(ranges: [string, string][]): void {
  for (let i = 0; i + 1 < ranges.length; i++) {
    const a = [...ranges[i]![1]];
    const b = [...ranges[i + 1]![0]];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    if (compareCodePoints(to, ranges[i]![0]) >= 0) ranges[i]![1] = to;
    ranges[i + 1]![0] = b.slice(0, common + 1).join('');
  }
}

/** Pagefind's file names: the language, then the start of the content's SHA-1, longer where two would collide. */
class Names {
  private readonly taken = new Set<string>();
  private readonly language: string;
  constructor(language: string) {
    this.language = language;
  }
  name(bytes: Uint8Array): string {
    const full = `${this.language}_${sha1(bytes)}`;
    let length = this.language.length + 8;
    // Pagefind lengthens a colliding name by two characters at a time.
    while (this.taken.has(full.slice(0, length)) && length < full.length) length = Math.min(length + 2, full.length);
    const name = full.slice(0, length);
    this.taken.add(name);
    return name;
  }
}

/** SHA-1 in hex as Pagefind writes it: each byte without a leading zero. */
function sha1(bytes: Uint8Array): string {
  return Array.from(createHash('sha1').update(bytes).digest(), (b) => b.toString(16)).join('');
}

/** Strings in code point order (Rust's order for strings), not UTF-16's. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (a code point above U+FFFF) sorts after every other code unit.
    const surrogateX = x >= 0xd800 && x <= 0xdfff;
    const surrogateY = y >= 0xd800 && y <= 0xdfff;
    if (surrogateX !== surrogateY) return surrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
