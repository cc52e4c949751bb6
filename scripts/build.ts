/**
 * npm run build [-- --full]: builds the site into a fresh folder and publishes it only when the whole build
 * (pages, search index, checks) has succeeded, with one atomic swap (src/lib/publish.ts): `dist` is
 * a link to the live version, so at every instant it is the old site or the new one, never half of
 * either and never missing. One build publishes at a time (a second waits for the lock), the next
 * build removes what a killed one left, and the build stops, publishing nothing, if npm (or whatever
 * started it) dies.
 *
 * The build is incremental when a site is live: only the pages whose props changed are built, and the
 * others are hard links to the live site's files (src/integrations/incremental-publish.ts). `--full`
 * builds every page. The search index is written here once Astro's process has ended, so that the
 * memory Pagefind takes comes after the memory Astro took instead of on top of it.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { readFile, rename, rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, configFromEnvironment } from '../src/config.ts';
import { finishSite, handoffFile, type BuildHandoff, type PublishSummary } from '../src/integrations/incremental-publish.ts';
import { liveVersion, publish, removeLeftovers, restoreLink, siteSlots, versionStamp, waitForLock, watchedAncestors, whenAnyEnds } from '../src/lib/publish.ts';

const started = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const full = process.argv.includes('--full');
const astroArgs = process.argv.slice(2).filter((arg) => arg !== '--full');
const { outDir, cacheDir, searchThreads } = readConfig();

function readConfig() {
  try {
    return configFromEnvironment(process.env, root);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
const slots = siteSlots(outDir);
const shown = relative(process.cwd(), outDir) || outDir;
/** What an editor can do about a write that failed after Astro: the causes are the disk's, not the stories'. */
const diskFix = `check that the disk holding ${shown} has room (df -h) and that this user may write there, then build again`;
/** How long a second build waits for the first before giving up. */
const LOCK_WAIT_MS = 60 * 60 * 1000;

let release: () => Promise<void>;
try {
  release = await waitForLock(slots.lock, {
    timeoutMs: LOCK_WAIT_MS,
    onWait: (holder) =>
      console.error(
        `Another build (process ${holder}) is publishing to ${shown}; waiting for it to finish (its lock: ${relative(process.cwd(), slots.lock)}).`,
      ),
  });
} catch (error) {
  console.error(`Cannot build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const restored = await restoreLink(outDir);
if (restored) console.log(`${shown} was missing after a killed build; it is ${restored} again.`);
const staging = slots.staging(process.pid);
// The live version is read, never written: the new one is staged beside it.
const previousSite = full ? '' : ((await liveVersion(outDir)) ?? '');
// What earlier builds left (the version the last publish replaced, and what killed builds left) is
// removed while this one builds, by a process of the lowest priority: deleting a large site's files is
// seconds of the kernel's work, which would otherwise take a core from the build.
const cleaning = removeLeftovers(outDir, [staging], removeAside).then(
  (removed) => {
    if (removed.length > 0) console.log(`Removed what earlier builds left: ${removed.join(', ')}`);
  },
  // The next build tries again; this one's site does not depend on it.
  (error: unknown) => console.error(`Could not remove what earlier builds left: ${error instanceof Error ? error.message : String(error)}`),
);
let stopping: string | null = null;
const child = spawn(
  process.execPath,
  // The child ends itself if this process dies (even by SIGKILL), so nothing builds on unobserved.
  ['--import', resolve(root, 'scripts/exit-with-parent.ts'), resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...astroArgs],
  { cwd: root, env: { ...process.env, NEWS_OUT_DIR: staging, NEWS_PREVIOUS_SITE: previousSite, NEWS_DEFER_SEARCH_INDEX: 'on' }, stdio: 'inherit' },
);
let indexing = false;
let failing: Promise<never> | undefined;
const stop = (why: string) => {
  stopping ??= why;
  if (indexing) void fail(`The build stopped because ${stopping}`, 1);
  else child.kill('SIGTERM');
};
whenAnyEnds(watchedAncestors(), (pid) => stop(`the process that started the build (${pid}) has ended`));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(`it received ${signal}`));
const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));
await cleaning;

// Astro hands over what it did (see incremental-publish.ts): the summary, and the search index left to write here.
const handoff = await readFile(handoffFile(cacheDir, child.pid ?? 0), 'utf8').then(
  (text) => JSON.parse(text) as BuildHandoff,
  () => null,
);
await rm(handoffFile(cacheDir, child.pid ?? 0), { force: true });
if (code !== 0 || stopping) await fail(stopping ? `The build stopped because ${stopping}` : 'The build failed', code || 1);
const { summary, pending } = handoff ?? (await fail('The build failed: Astro ended without saying what it wrote', 1));
// Astro's process has ended, so the memory Pagefind takes comes after the memory Astro took, not on top of it.
indexing = true;
let bundles = 0;
try {
  bundles = await finishSite(staging, pending, { root, cacheDir, threads: searchThreads, logger: { info: (message) => console.log(message) } });
} catch (error) {
  await fail(stopping ? `The build stopped because ${stopping}` : `The search index could not be written (${reason(error)}). Fix: ${diskFix}`, 1);
}
indexing = false;
if (stopping) await fail(`The build stopped because ${stopping}`, 1);
const version = slots.version(versionStamp());
try {
  await rename(staging, version);
  await publish(outDir, version);
} catch (error) {
  await fail(`The new version could not be put live (${reason(error)}). Fix: ${diskFix}`, 1);
}
await release();
console.log(`Published to ${shown} (${relative(dirname(outDir), version)})`);
console.log(summaryLine({ ...summary, bundles }, (performance.now() - started) / 1000));

/** A failure's message without its stack, which says nothing to an editor. */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Removes a folder in a child process of the lowest priority. */
function removeAside(path: string): Promise<void> {
  return new Promise((done, failed) => {
    const remover = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', path], { stdio: 'ignore' });
    if (remover.pid) setPriority(remover.pid, 19);
    remover.on('error', failed);
    remover.on('close', (status) => (status === 0 ? done() : failed(new Error(`Could not remove ${path} (exit code ${status})`))));
  });
}

/** Removes the staged version and ends: the live site stays as it was. Once only: a stop while indexing also fails the index. */
function fail(what: string, exitCode: number): Promise<never> {
  failing ??= (async () => {
    await rm(staging, { recursive: true, force: true });
    await release();
    console.error(`\n${what}; ${shown} was left as it was.`);
    process.exit(exitCode);
  })();
  return failing;
}

/** published 1 story: 9 pages written, 1 search bundle re-indexed, 21,334 unchanged, 4.2 s */
function summaryLine(s: PublishSummary, seconds: number): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
  const what = s.full ? `published every story (full build: ${s.why})` : `published ${n(s.stories, 'story', 'stories')}`;
  const parts = [n(s.written, 'page') + ' written', `${n(s.bundles, 'search bundle')} re-indexed`, `${s.unchanged.toLocaleString('en')} unchanged`];
  if (s.gone > 0) parts.push(`${n(s.gone, 'page')} removed`);
  return `${what}: ${parts.join(', ')}, ${seconds.toFixed(1)} s`;
}
