/**
 * Publishing a built site so that readers never see a half-written or missing one, and two builds
 * never publish over each other.
 *
 * The live site `dist` is a symbolic link to a complete version folder beside it (`dist.v-<stamp>`).
 * A build writes into `dist.building-<pid>`, renames it to a version when it has succeeded, and swaps
 * the link with one rename(2), which replaces `dist` atomically: at every instant `dist` is the old
 * site or the new one. Leftovers of a build killed at any step are removed by the next build, which
 * also restores the link if a kill left none. A lock file (`dist.lock`, holding the builder's process
 * id) lets one build publish at a time; a lock whose process is gone is taken over.
 *
 * Used by scripts/build.ts; the same swap serves any step that stages a new version beside the live one.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, readlink, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The names of the folders and files a site's publishing keeps beside it. */
export function siteSlots(outDir: string) {
  return {
    lock: `${outDir}.lock`,
    staging: (pid: number) => `${outDir}.building-${pid}`,
    version: (stamp: string) => `${outDir}.v-${stamp}`,
    link: (pid: number) => `${outDir}.link-${pid}`,
  };
}

/** A version stamp that sorts by time and never repeats between two processes. */
export function versionStamp(now = new Date(), pid = process.pid): string {
  return `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${pid}`;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LockHeld extends Error {
  readonly holder: number;

  constructor(lockPath: string, holder: number) {
    super(`another build (process ${holder}) is publishing; its lock is ${lockPath}`);
    this.holder = holder;
  }
}

/**
 * Takes the lock, or throws LockHeld when a live process holds it. A lock left by a dead process
 * (a build killed with SIGKILL) is taken over. Returns the function that releases it.
 */
export async function acquireLock(lockPath: string, pid = process.pid): Promise<() => Promise<void>> {
  // The site's folder may be new (NEWS_OUT_DIR=/srv/news/dist on a fresh server): its parent is made.
  await mkdir(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await createWith(lockPath, pid)) {
      return async () => {
        // Only our own lock: after a takeover by mistake, another build's lock stays.
        if ((await readFile(lockPath, 'utf8').catch(() => '')).trim() === String(pid)) await unlink(lockPath).catch(() => {});
      };
    }
    const holder = (await readFile(lockPath, 'utf8').catch(() => '')).trim();
    if (isAliveHolder(holder)) throw new LockHeld(lockPath, Number(holder));
    await removeStale(lockPath, holder, pid);
  }
  throw new Error(`cannot take the lock ${lockPath}; delete it if no build is running`);
}

const isAliveHolder = (holder: string) => /^\d+$/.test(holder) && Number(holder) > 0 && isAlive(Number(holder));

/**
 * Creates `path` holding `pid`, or returns false when it exists. Written aside, then linked into
 * place: the file is never seen empty, so an empty lock can only be a crashed build's.
 */
async function createWith(path: string, pid: number): Promise<boolean> {
  const aside = `${path}.${pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(aside, `${pid}\n`);
  try {
    await link(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(aside).catch(() => {});
  }
}

/**
 * Removes a dead build's lock, unless another build took it over meanwhile: builds that find the
 * same stale lock at once take turns (a second lock, `.takeover`, held for the check and the
 * removal), and each removes the lock only if it still holds the dead holder it read.
 */
async function removeStale(lockPath: string, staleHolder: string, pid: number): Promise<void> {
  const takeover = `${lockPath}.takeover`;
  if (!(await createWith(takeover, pid))) {
    // Another build is taking over; or one died doing so, whose turn is cleared for the next attempt.
    const other = (await readFile(takeover, 'utf8').catch(() => '')).trim();
    if (!isAliveHolder(other)) await unlink(takeover).catch(() => {});
    else await new Promise((done) => setTimeout(done, 20));
    return;
  }
  try {
    if ((await readFile(lockPath, 'utf8').catch(() => null))?.trim() === staleHolder) await unlink(lockPath).catch(() => {});
  } finally {
    await unlink(takeover).catch(() => {});
  }
}

/** Waits for the lock, calling onWait once with the holder; gives up after timeoutMs. */
export async function waitForLock(
  lockPath: string,
  opts: { timeoutMs: number; onWait?: (holder: number) => void; pollMs?: number },
): Promise<() => Promise<void>> {
  const deadline = Date.now() + opts.timeoutMs;
  let told = false;
  for (;;) {
    try {
      return await acquireLock(lockPath);
    } catch (error) {
      if (!(error instanceof LockHeld) || Date.now() > deadline) throw error;
      if (!told) opts.onWait?.(error.holder);
      told = true;
      await new Promise((done) => setTimeout(done, opts.pollMs ?? 500));
    }
  }
}

/** The version folder the live link points to, or null (no site yet, or a plain folder from before versions). */
export async function liveVersion(outDir: string): Promise<string | null> {
  const target = await readlink(outDir).catch(() => null);
  return target === null ? null : join(dirname(outDir), target);
}

/** The steps of publish(), in order, for callers (and tests) that must know where a swap stood. */
export type PublishStep = 'link-made' | 'plain-folder-moved' | 'swapped';

/**
 * Makes `version` (a complete site in a folder beside outDir) the live site with one rename of the
 * link. The version it replaces stays beside it until the next build removes it (removeLeftovers):
 * deleting tens of thousands of files takes seconds, which a publish need not wait for. Call it
 * holding the lock.
 */
export async function publish(outDir: string, version: string, onStep: (step: PublishStep) => void = () => {}): Promise<void> {
  const slots = siteSlots(outDir);
  const link = slots.link(process.pid);
  await rm(link, { force: true });
  // Relative, so the project folder can move.
  await symlink(basename(version), link);
  onStep('link-made');
  if (existsSync(outDir) && !lstatSync(outDir).isSymbolicLink()) {
    // A site built before versions: a rename cannot put a link over a folder, so the folder becomes a
    // version first, named to sort before every built one. Between the two renames there is no `dist`;
    // restoreLink() mends that next time, with the version being published.
    await rename(outDir, slots.version(`0-plain-${process.pid}`));
    onStep('plain-folder-moved');
  }
  await rename(link, outDir);
  onStep('swapped');
}

/**
 * Removes what earlier builds left beside outDir: versions that are not live (the one the last
 * publish replaced), and what killed builds left (staging folders, link files, the folders of the old
 * two-rename swap), except the paths in `keep` (the staging folder of the build calling it), each with
 * `remove`. Call it holding the lock, so no other build's folders are touched. Returns the names removed.
 */
export async function removeLeftovers(
  outDir: string,
  keep: readonly string[] = [],
  remove: (path: string) => Promise<void> = (path) => rm(path, { recursive: true, force: true }),
): Promise<string[]> {
  const dir = dirname(outDir);
  const name = basename(outDir);
  const live = await liveVersion(outDir);
  const removed: string[] = [];
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (!entry.startsWith(`${name}.`)) continue;
    const kind = entry.slice(name.length + 1).split('-')[0];
    if (!['building', 'previous', 'link', 'v'].includes(kind ?? '')) continue;
    const path = join(dir, entry);
    if (path === live || keep.includes(path)) continue;
    await remove(path);
    removed.push(entry);
  }
  return removed;
}

/**
 * After a kill between the two renames of a first publish (or by hand), `dist` may be missing while
 * a complete version sits beside it: links the newest. Call it holding the lock, before removeLeftovers.
 */
export async function restoreLink(outDir: string): Promise<string | null> {
  if (existsSync(outDir) || lstatSync(outDir, { throwIfNoEntry: false })) return null;
  const dir = dirname(outDir);
  const prefix = `${basename(outDir)}.v-`;
  const versions = (await readdir(dir).catch(() => [] as string[])).filter((e) => e.startsWith(prefix)).sort();
  const newest = versions.at(-1);
  if (!newest) return null;
  const link = siteSlots(outDir).link(process.pid);
  await rm(link, { force: true });
  await symlink(newest, link);
  await rename(link, outDir);
  return newest;
}

/**
 * The processes whose death should end this one: the parent and, when run by npm, every process up
 * to npm (npm runs a script through `sh -c`, which stays alive when npm is killed). Linux only; elsewhere, the parent.
 */
export function watchedAncestors(pid = process.pid): number[] {
  const parentOf = (p: number): number | null => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return null;
    }
  };
  const isNpm = (p: number) => {
    try {
      // npm sets its process title ("npm run build"); started by path, it is "node …/npm-cli.js".
      const [first = '', second = ''] = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      return /^npm( |$)/.test(first) || /(^|\/)npm(-cli\.js)?$/.test(second);
    } catch {
      return false;
    }
  };
  const chain: number[] = [];
  let current = parentOf(pid) ?? process.ppid;
  for (let depth = 0; depth < 4 && current > 1; depth++) {
    chain.push(current);
    if (isNpm(current)) return chain;
    const next = parentOf(current);
    if (next === null) break;
    current = next;
  }
  return chain.slice(0, 1);
}

/** Calls onGone once when any of the watched processes has ended (checked every pollMs). */
export function whenAnyEnds(pids: readonly number[], onGone: (pid: number) => void, pollMs = 500): () => void {
  const timer = setInterval(() => {
    const gone = pids.find((pid) => !isAlive(pid) || isZombie(pid));
    if (gone !== undefined) {
      clearInterval(timer);
      onGone(gone);
    }
  }, pollMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** A process that has exited but not been reaped still answers kill(pid, 0). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
