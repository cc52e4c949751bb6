import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** What the link thread is given: the live site, the staged site, and the files to link (paths relative to both). */
export interface PageLinksJob {
  from: string;
  to: string;
  files: readonly string[];
}
export type PageLinksRequest = { id: number; kind: 'take-back'; files: readonly string[] } | { id: number; kind: 'finish' };
/** `linked`: the links in place; `errors`: the links that could not be made and were not taken back. */
export interface PageLinksReply {
  id: number;
  linked: number;
  errors: string[];
}

const LINK_THREAD = 'src/integrations/page-links-worker.ts';

/**
 * Hard-links files of the site `from` into the site `to` at the same paths, on a thread of its own,
 * while the build goes on. `takeBack` unlinks files already linked and makes sure the others never
 * are; `finish` waits for every link and says how many are in place, or fails naming those that could
 * not be made. The thread ends with `finish`.
 */
export function linkPagesOnThread(root: string, job: PageLinksJob) {
  const thread = new Worker(join(root, LINK_THREAD), { workerData: job });
  // Held only while an answer is awaited: a build that fails before finish() must still end.
  thread.unref();
  const waiting = new Map<number, { resolve: (reply: PageLinksReply) => void; reject: (error: Error) => void }>();
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  thread.on('message', (reply: PageLinksReply) => {
    waiting.get(reply.id)?.resolve(reply);
    waiting.delete(reply.id);
    if (waiting.size === 0) thread.unref();
  });
  thread.on('error', failAll);
  thread.on('exit', (code) => failAll(new Error(`The thread linking the live site's pages stopped (exit code ${code})`)));
  let ids = 0;
  const ask = (request: PageLinksRequest) =>
    new Promise<PageLinksReply>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.set(request.id, { resolve, reject });
      thread.ref();
      thread.postMessage(request);
    });
  return {
    async takeBack(files: readonly string[]): Promise<void> {
      await ask({ id: ++ids, kind: 'take-back', files });
    },
    async finish(): Promise<number> {
      const reply = await ask({ id: ++ids, kind: 'finish' });
      await thread.terminate();
      if (reply.errors.length > 0) throw new Error(`${reply.errors.length} pages of the live site could not be linked: ${reply.errors.slice(0, 3).join('; ')}`);
      return reply.linked;
    },
  };
}
