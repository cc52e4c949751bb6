import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { contentTypeOf, serveStatic } from '../../scripts/support/static-server.ts';
import { fileSizes, type Sizes } from './sizes.ts';

/**
 * A static server for the benchmarks that compresses like a real host (brotli or gzip, by the
 * browser's Accept-Encoding, for text types) and logs every response with what it sent and what the
 * file would cost gzipped and brotlied. It answers as scripts/support/static-server.ts does (serveStatic):
 * directory URLs, a redirect to the slash, /404.html for anything missing.
 */

/** What hosts compress: text, and WebAssembly. Pagefind's own files are gzipped by Pagefind already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm)|image\/svg)/;

export interface LoggedResponse {
  /** Order of arrival, across the whole server. */
  seq: number;
  path: string;
  status: number;
  contentType: string;
  /** Accept-Encoding the browser sent. */
  acceptEncoding: string;
  /** Encoding and body bytes actually sent. */
  encoding: 'br' | 'gzip' | 'identity';
  sent: number;
  /** The file itself, and what it costs gzipped (level 9) and brotlied (quality 11); filled in after the response is sent. */
  sizes: Sizes;
  file: string;
}

export interface CompressingServer {
  url: string;
  server: Server;
  log: LoggedResponse[];
  /** Waits until every logged response has its sizes (computed off the response path). */
  settled: () => Promise<void>;
  close: () => Promise<void>;
}

function pickEncoding(req: IncomingMessage, type: string): 'br' | 'gzip' | 'identity' {
  if (!COMPRESSIBLE.test(type)) return 'identity';
  const accept = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return 'identity';
}

export async function serveCompressed(root: string): Promise<CompressingServer> {
  const log: LoggedResponse[] = [];
  const pending = new Set<Promise<void>>();
  const bodies = new Map<string, Buffer>();
  let seq = 0;
  const encoded = async (file: string, encoding: 'br' | 'gzip' | 'identity'): Promise<Buffer> => {
    const key = `${encoding}:${file}`;
    let body = bodies.get(key);
    if (!body) {
      const raw = await readFile(file);
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength } })
          : encoding === 'gzip'
            ? gzipSync(raw, { level: 9 })
            : raw;
      // Files are immutable during a run; compressing once keeps the timings free of compression work.
      if (encoding !== 'identity') bodies.set(key, body);
    }
    return body;
  };
  const { url, server, close } = await serveStatic(root, async (req, res, { status, file: target }) => {
    const type = contentTypeOf(target);
    const encoding = pickEncoding(req, type);
    const body = await encoded(target, encoding);
    const entry: LoggedResponse = {
      seq: seq++,
      path: new URL(req.url ?? '/', 'http://localhost').pathname,
      status,
      contentType: type,
      acceptEncoding: String(req.headers['accept-encoding'] ?? ''),
      encoding,
      sent: body.byteLength,
      sizes: { raw: body.byteLength, gzip: Number.NaN, brotli: Number.NaN },
      file: target,
    };
    log.push(entry);
    const headers: Record<string, string | number> = { 'content-type': type, 'content-length': body.byteLength, vary: 'accept-encoding' };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    const sized = fileSizes(target).then((sizes) => {
      entry.sizes = sizes;
    });
    pending.add(sized);
    void sized.finally(() => pending.delete(sized));
  });
  return {
    url,
    server,
    log,
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close,
  };
}
