import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../tests/support/build-site.ts';

export const DEFAULT_BUNDLE = 'pagefind-default';

const pagefindBin = join(projectRoot, 'node_modules/.bin/pagefind');

/**
 * Plain Pagefind over a built site, all defaults: it reads every HTML page's [data-pagefind-body]
 * (or whole body), splits Thai itself, and writes one index per page language.
 *
 * It runs Pagefind's command line in a child process rather than its Node API, because the API's
 * service never answers when its process dies (at 30,000 stories the kernel kills it for memory):
 * the benchmark then waited for ever. A child that dies rejects with how it ended.
 */
export async function writeDefaultPagefind(siteDir: string): Promise<{ ms: number; pages: number }> {
  const start = performance.now();
  await rm(join(siteDir, DEFAULT_BUNDLE), { recursive: true, force: true });
  const child = spawn(pagefindBin, ['--site', siteDir, '--output-subdir', DEFAULT_BUNDLE], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve([c, s]));
  });
  if (code !== 0) {
    const how = signal ? `was killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}` : `exited with code ${code}`;
    throw new Error(`Pagefind defaults over ${siteDir} ${how}: ${output.trim().split('\n').slice(-3).join(' | ')}`);
  }
  const pages = Number(/Indexed (\d+) pages?/.exec(output)?.[1] ?? Number.NaN);
  if (!Number.isInteger(pages)) throw new Error(`Pagefind defaults over ${siteDir}: no page count in its output: ${output.slice(-500)}`);
  return { ms: performance.now() - start, pages };
}
