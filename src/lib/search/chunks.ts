import { decodeCbor } from './cbor.ts';

/**
 * Pagefind 1.6 answers a query word with every indexed word that starts with it (sme finds smes), but
 * it fetches only the index chunk the query word itself falls in; longer words that begin a later chunk
 * are missed. The build lists the first word of every chunk (chunk-starts.json, from each bundle's
 * pf_meta), and the search page preloads the chunks a query word's longer words may lie in.
 */

/** The file, in the first bundle's folder, that lists every bundle's chunk starts. */
export const CHUNK_STARTS_FILE = 'chunk-starts.json';

/** At most this many extra chunks a query word: a one-letter word would otherwise fetch most of the index. */
export const MAX_PRELOADS_PER_WORD = 24;

/** A query word as Pagefind compares it with its index (pagefind.js): lower case, no punctuation, no combining marks. */
export function pagefindWord(word: string): string {
  const kept = [...word]
    .filter((char) => !/^[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]$/u.test(char))
    .join('')
    .toLocaleLowerCase();
  const stripped = kept.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * The words to preload so that every chunk holding a longer word of a query word is loaded: the chunk
 * starts that begin with it. (The chunk the query word itself falls in, Pagefind loads on its own.)
 */
export function chunkStartsToPreload(chunkStarts: readonly string[], queryText: string, limit = MAX_PRELOADS_PER_WORD): string[] {
  const wanted = new Set<string>();
  for (const word of new Set(queryText.split(' ').map(pagefindWord).filter(Boolean))) {
    let taken = 0;
    for (const start of chunkStarts) {
      if (taken === limit) break;
      if (start.length > word.length && start.startsWith(word)) {
        wanted.add(start);
        taken++;
      }
    }
  }
  return [...wanted];
}

/**
 * The first word of each index chunk, from a Pagefind metadata file (pf_meta) already gunzipped.
 * The file is the signature "pagefind_dcd" and then CBOR: [version, pages, chunks [[from, to, hash]…], …].
 */
export function readChunkStarts(meta: Uint8Array): string[] {
  const signature = new TextDecoder().decode(meta.subarray(0, 12));
  if (signature !== 'pagefind_dcd') throw new Error('Not a Pagefind metadata file (no pagefind_dcd signature)');
  const decoded = decodeCbor(meta.subarray(12));
  const chunks = Array.isArray(decoded) ? decoded[2] : undefined;
  if (!Array.isArray(chunks)) throw new Error('Pagefind metadata holds no chunk list (is this Pagefind 1.x?)');
  return chunks.map((chunk) => {
    if (!Array.isArray(chunk) || typeof chunk[0] !== 'string') throw new Error('Pagefind metadata: a chunk without a first word');
    return chunk[0];
  });
}
