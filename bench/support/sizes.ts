import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { filesUnder } from '../../src/lib/files.ts';

/**
 * Compressed sizes as a static host sends them: gzip at level 9 and brotli at quality 11 (what hosts
 * use for precompressed or cached assets). A host never sends a compressed body larger than the file,
 * so files that are already compressed (Pagefind's gzipped index, fonts) count at their own size.
 */
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export function gzipSize(data: Uint8Array): number {
  return Math.min(data.byteLength, gzipSync(data, { level: 9 }).byteLength);
}

export function brotliSize(data: Uint8Array): number {
  const out = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength },
  });
  return Math.min(data.byteLength, out.byteLength);
}

export function sizesOf(data: Uint8Array): Sizes {
  return { raw: data.byteLength, gzip: gzipSize(data), brotli: brotliSize(data) };
}

const cache = new Map<string, Promise<Sizes>>();
/** Sizes of a file on disk, computed once per path. */
export function fileSizes(path: string): Promise<Sizes> {
  let s = cache.get(path);
  if (!s) {
    s = readFile(path).then(sizesOf);
    cache.set(path, s);
  }
  return s;
}

export interface DirStats {
  bytes: number;
  files: number;
  /** Bytes and files per first-level folder ("." for files at the top). */
  parts: Record<string, { bytes: number; files: number }>;
  /** Bytes and files per file extension. */
  byExt: Record<string, { bytes: number; files: number }>;
}

/** Bytes on disk (file lengths) and number of files under a folder. */
export async function dirStats(dir: string, skip: (rel: string) => boolean = () => false): Promise<DirStats> {
  const out: DirStats = { bytes: 0, files: 0, parts: {}, byExt: {} };
  for (const file of existsSync(dir) ? await filesUnder(dir) : []) {
    const rel = relative(dir, file).split(sep).join('/');
    if (skip(rel)) continue;
    const { size } = await stat(file);
    const part = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '.';
    out.bytes += size;
    out.files++;
    const p = (out.parts[part] ??= { bytes: 0, files: 0 });
    p.bytes += size;
    p.files++;
    const ext = /\.([^./]+)$/.exec(rel)?.[1] ?? '';
    const e = (out.byExt[ext] ??= { bytes: 0, files: 0 });
    e.bytes += size;
    e.files++;
  }
  return out;
}
