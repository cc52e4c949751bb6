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

type Cbor = number | string | boolean | null | Uint8Array | Cbor[] | { [key: string]: Cbor };

/** The CBOR that Pagefind writes: integers, strings, byte strings, arrays, maps and simple values. */
function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let pos = 0;
  const read = (): Cbor => {
    if (pos >= bytes.length) throw new Error('Pagefind metadata ends early');
    const head = bytes[pos++]!;
    const major = head >> 5;
    const info = head & 31;
    let n = info;
    if (info === 24) n = view.getUint8(pos++);
    else if (info === 25) {
      n = view.getUint16(pos);
      pos += 2;
    } else if (info === 26) {
      n = view.getUint32(pos);
      pos += 4;
    } else if (info === 27) {
      n = Number(view.getBigUint64(pos));
      pos += 8;
    } else if (info > 27) throw new Error(`Pagefind metadata: unsupported CBOR item ${head}`);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return bytes.subarray(pos, (pos += n));
      case 3:
        return text.decode(bytes.subarray(pos, (pos += n)));
      case 4:
        return Array.from({ length: n }, read);
      case 5: {
        const map: { [key: string]: Cbor } = {};
        for (let i = 0; i < n; i++) map[String(read())] = read();
        return map;
      }
      case 7:
        if (info === 20 || info === 21) return info === 21;
        if (info === 22) return null;
        if (info === 26) return view.getFloat32(pos - 4);
        if (info === 27) return view.getFloat64(pos - 8);
        throw new Error(`Pagefind metadata: unsupported CBOR value ${head}`);
      default:
        throw new Error(`Pagefind metadata: unsupported CBOR type ${major}`);
    }
  };
  return read();
}
