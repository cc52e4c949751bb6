import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { withBuildsLock } from './builds-alone.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * Runs the real `astro build` (the same command as `npm run build`) for some content into some folder.
 * Rejects with the build's own output when it fails. Builds run one at a time (builds-alone.ts).
 */
export function buildSite(opts: BuildOptions): Promise<{ output: string }> {
  return withBuildsLock(() => astroBuild(opts));
}

interface BuildOptions {
  outDir: string;
  contentDir?: string;
  cacheDir?: string;
  env?: Record<string, string>;
}

function astroBuild(opts: BuildOptions): Promise<{ output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEWS_OUT_DIR: opts.outDir, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env };
  if (opts.contentDir) env.NEWS_CONTENT_DIR = opts.contentDir;
  if (opts.cacheDir) env.NEWS_CACHE_DIR = opts.cacheDir;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      // Colour codes would split the messages the tests look for.
      output = output.replace(/\x1b\[[0-9;]*m/g, '');
      if (code === 0) resolvePromise({ output });
      else reject(Object.assign(new Error(`astro build failed (exit ${code}):\n${output.slice(-4000)}`), { output }));
    });
  });
}

/** Writes story files (path under the articles folder → text or bytes) into a fresh `root`/content; returns that folder. */
export async function writeContent(root: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const contentDir = join(root, 'content');
  await rm(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(contentDir, path)), { recursive: true });
    await writeFile(join(contentDir, path), text);
  }
  return contentDir;
}

/** Builds story files in a fresh `root` (content, dist, cache); resolves either way, with what the build printed. */
export async function buildContent(root: string, files: Record<string, string | Uint8Array>): Promise<{ ok: boolean; output: string; outDir: string }> {
  const contentDir = await writeContent(root, files);
  const outDir = join(root, 'dist');
  return buildSite({ outDir, contentDir, cacheDir: join(root, 'cache') }).then(
    ({ output }) => ({ ok: true, output, outDir }),
    (error: Error & { output?: string }) => ({ ok: false, output: error.output ?? error.message, outDir }),
  );
}
