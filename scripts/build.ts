/**
 * npm run build: builds the site into a fresh folder beside dist/ and swaps it in only when the
 * whole build (pages, search index, checks) has succeeded. A failed build leaves the previous
 * dist/ exactly as it was, so nothing ever serves a half-written site.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, configFromEnvironment } from '../src/config.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = readOutDir();

function readOutDir(): string {
  try {
    return configFromEnvironment(process.env, root).outDir;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
const staging = `${outDir}.building-${process.pid}`;
const previous = `${outDir}.previous-${process.pid}`;

const code = await new Promise<number>((done) => {
  const child = spawn(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, NEWS_OUT_DIR: staging },
    stdio: 'inherit',
  });
  child.on('close', (status) => done(status ?? 1));
});

if (code !== 0) {
  await rm(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${outDir} was left as it was.`);
  process.exit(code);
}
if (existsSync(outDir)) await rename(outDir, previous);
await rename(staging, outDir);
await rm(previous, { recursive: true, force: true });
console.log(`Published to ${outDir}`);
