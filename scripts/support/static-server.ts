/**
 * A static host for the built site, shared by the e2e tests (serveStatic) and the benchmarks' compressing
 * server (resolveStatic, contentTypeOf): both answer URLs the way a static host does.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file)] ?? 'application/octet-stream';
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** What a static host answers for a URL: a file (200, or /404.html with 404), a redirect to the slash, or an error. */
export type StaticAnswer =
  { kind: 'file'; status: 200 | 404; file: string } | { kind: 'redirect'; location: string } | { kind: 'error'; status: 400 | 403 | 404; message: string };

/** Resolves a request URL against a built site the way a static host does: directory URLs, /404.html for anything missing. */
export async function resolveStatic(root: string, requestUrl: string | undefined): Promise<StaticAnswer> {
  const url = new URL(requestUrl ?? '/', 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'error', status: 400, message: 'bad request' };
  }
  const file = normalize(join(root, pathname));
  if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) return { kind: 'error', status: 403, message: 'forbidden' };
  const target = pathname.endsWith('/') ? join(file, 'index.html') : file;
  if (!pathname.endsWith('/') && !(await isFile(target)) && (await isFile(join(file, 'index.html')))) {
    return { kind: 'redirect', location: `${url.pathname}/${url.search}` };
  }
  if (await isFile(target)) return { kind: 'file', status: 200, file: target };
  const notFound = join(root, '404.html');
  return (await isFile(notFound)) ? { kind: 'file', status: 404, file: notFound } : { kind: 'error', status: 404, message: 'not found' };
}

export interface StaticServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/**
 * Serves a built site on a free loopback port the way a static host does (see resolveStatic): errors
 * and redirects are answered here, files by `sendFile` (by default as they are on disk).
 */
export async function serveStatic(
  root: string,
  sendFile: (req: IncomingMessage, res: ServerResponse, found: { status: 200 | 404; file: string }) => void | Promise<void> = sendAsIs,
): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    const answer = await resolveStatic(root, req.url);
    if (answer.kind === 'error') res.writeHead(answer.status).end(answer.message);
    else if (answer.kind === 'redirect') res.writeHead(301, { location: answer.location }).end();
    else await sendFile(req, res, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendAsIs(_req: IncomingMessage, res: ServerResponse, { status, file }: { status: 200 | 404; file: string }): void {
  res.writeHead(status, { 'content-type': contentTypeOf(file) });
  createReadStream(file).pipe(res);
}
