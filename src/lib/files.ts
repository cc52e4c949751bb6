import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under a folder, at any depth, in sorted order (the file system's own order differs between machines). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
