import { Worker } from 'node:worker_threads';
import type { OgCard } from './card.ts';
import type { OgFonts } from './fonts.ts';

/** The messages to and from a drawing thread (draw-worker.ts). */
export interface DrawRequest {
  id: number;
  card: OgCard;
}
export type DrawReply = { id: number; png: Uint8Array } | { id: number; error: string };
/** OgFonts as a thread receives them: structured cloning turns Buffers into Uint8Arrays. */
export interface WorkerFonts {
  files: string[];
  satori: { name: string; data: Uint8Array; weight: 700; style: 'normal' }[];
}

/** Idle threads are stopped after this long, so they hold no memory through the rest of the build. */
const IDLE_MS = 1000;

export interface DrawPool {
  /** The card as PNG, drawn on whichever thread has the fewest cards waiting. */
  draw(card: OgCard): Promise<Buffer>;
  readonly size: number;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>;
}

/**
 * Draws cards on `size` worker threads, so that the build's own thread goes on rendering pages
 * meanwhile. Threads start on the first card and stop when idle. A thread is referenced only while
 * it has cards to draw: an idle pool never keeps the process alive, a busy one always does.
 * A thread that dies fails its cards and every later one: the build must not go on without cards.
 */
export function drawPool(opts: { size: number; fonts: OgFonts; script: string }): DrawPool {
  let threads: Thread[] = [];
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let broken: Error | undefined;

  function stopAll(): void {
    for (const thread of threads) void thread.worker.terminate();
    threads = [];
  }

  function fail(error: Error): void {
    broken ??= error;
    for (const thread of threads) {
      for (const job of thread.jobs.values()) job.reject(broken);
      thread.jobs.clear();
    }
    stopAll();
  }

  function start(): Thread {
    const worker = new Worker(opts.script, { workerData: { fonts: opts.fonts } });
    const thread: Thread = { worker, jobs: new Map() };
    worker.unref();
    worker.on('message', (reply: DrawReply) => {
      const job = thread.jobs.get(reply.id);
      thread.jobs.delete(reply.id);
      if ('error' in reply) job?.reject(new Error(`drawing a social card failed: ${reply.error}`));
      else job?.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      if (thread.jobs.size > 0) return;
      worker.unref();
      if (threads.every((t) => t.jobs.size === 0)) {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(stopAll, IDLE_MS).unref();
      }
    });
    worker.on('error', (error) => fail(new Error(`a social-card thread failed: ${error.stack ?? error.message}`)));
    worker.on('exit', (code) => {
      if (thread.jobs.size > 0) fail(new Error(`a social-card thread exited (code ${code}) with cards to draw`));
    });
    return thread;
  }

  return {
    size: opts.size,
    draw(card) {
      if (broken) return Promise.reject(broken);
      clearTimeout(idleTimer);
      if (threads.length === 0) threads = Array.from({ length: opts.size }, start);
      const thread = threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const id = nextId++;
      if (thread.jobs.size === 0) thread.worker.ref();
      return new Promise<Buffer>((resolve, reject) => {
        thread.jobs.set(id, { resolve, reject });
        thread.worker.postMessage({ id, card } satisfies DrawRequest);
      });
    },
  };
}
