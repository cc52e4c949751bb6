/**
 * Hard-links the live site's pages into the staged site on a thread of its own (see page-links.ts).
 * Tens of thousands of folders and links are the disk's work: made here, one after another, they take
 * neither the build's thread nor the thread pool that Astro reads and writes through.
 */
import { linkSync, mkdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PageLinksJob, PageLinksReply, PageLinksRequest } from './page-links.ts';

const { from, to, files } = workerData as PageLinksJob;
/** Links made between two looks at the messages. */
const BATCH = 500;
const made = new Set<string>();
const takenBack = new Set<string>();
const folders = new Set<string>();
const failed = new Map<string, string>();
let next = 0;
let finishing: number | null = null;

const reply = (message: PageLinksReply) => parentPort!.postMessage(message);

function linkSome(): void {
  for (const end = Math.min(files.length, next + BATCH); next < end; next++) {
    const file = files[next]!;
    if (takenBack.has(file)) continue;
    const target = join(to, file);
    try {
      const folder = dirname(target);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      linkSync(join(from, file), target);
      made.add(file);
    } catch (error) {
      failed.set(file, error instanceof Error ? error.message : String(error));
    }
  }
  if (next < files.length) setImmediate(linkSome);
  else if (finishing !== null) finish(finishing);
}

function finish(id: number): void {
  const errors = [...failed].filter(([file]) => !takenBack.has(file)).map(([, message]) => message);
  reply({ id, linked: made.size, errors });
}

parentPort!.on('message', (request: PageLinksRequest) => {
  if (request.kind === 'take-back') {
    for (const file of request.files) {
      takenBack.add(file);
      if (made.delete(file)) unlinkSync(join(to, file));
    }
    reply({ id: request.id, linked: made.size, errors: [] });
  } else if (next < files.length) {
    finishing = request.id;
  } else {
    finish(request.id);
  }
});
linkSome();
