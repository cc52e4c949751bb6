import { readdirSync, type Dirent } from 'node:fs';
import { link, mkdir, readdir, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';

/** Every file under a folder, at any depth, in sorted order (the file system's own order differs between machines). */
export async function filesUnder(dir: string): Promise<string[]> {
  return sortedFiles(await readdir(dir, { withFileTypes: true, recursive: true }));
}

/**
 * filesUnder without yielding to the event loop, for a caller that must not let timers run meanwhile;
 * with the entries that are neither files nor folders (symbolic links, which a walk does not follow),
 * so that the caller can say it leaves them out.
 */
export function entriesUnderSync(dir: string): { files: string[]; others: string[] } {
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  const others = entries.filter((e) => !e.isFile() && !e.isDirectory()).map((e) => join(e.parentPath, e.name));
  return { files: sortedFiles(entries), others: others.sort() };
}

function sortedFiles(entries: readonly Dirent[]): string[] {
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Links made side by side: enough to keep the disk busy, few enough not to crowd out the build's own writes. */
const LINKS_IN_FLIGHT = 16;

/**
 * Hard-links files of the site `from` into the site `to` at the same paths (`add` takes a path
 * relative to both), each folder made once. Each link waits on the disk, not the CPU, so several are
 * in flight; `done` waits for them all and says how many were made.
 */
export function linkPool(from: string, to: string) {
  const limit = pLimit(LINKS_IN_FLIGHT);
  const folders = new Map<string, Promise<unknown>>();
  const links: Promise<void>[] = [];
  const folder = (path: string) => folders.get(path) ?? folders.set(path, mkdir(path, { recursive: true })).get(path)!;
  return {
    add(rel: string): void {
      const target = join(to, rel);
      const linked = limit(async () => {
        await folder(dirname(target));
        await link(join(from, rel), target);
      });
      // Awaited in done(); until then a failure must not count as unhandled (Node would exit).
      linked.catch(() => {});
      links.push(linked);
    },
    async done(): Promise<number> {
      await Promise.all(links);
      return links.length;
    },
  };
}

/** Removes the folder `rel` under `root` if it is empty, and each parent that this leaves empty, up to `root`. */
export async function removeEmptyFolders(root: string, rel: string): Promise<void> {
  for (let folder = rel; folder !== '.' && folder !== '/' && folder !== ''; folder = dirname(folder)) {
    try {
      await rmdir(join(root, folder));
    } catch {
      return;
    }
  }
}
