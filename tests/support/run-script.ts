import { spawn, spawnSync } from 'node:child_process';
import { projectRoot } from './build-site.ts';
import { withBuildsLock } from './builds-alone.ts';

export interface ScriptResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's scripts (scripts/NAME.ts) with Node, as `npm run` would. Not the build: see publishSite. */
export function runScript(name: string, args: string[], env: Record<string, string> = {}): ScriptResult {
  const result = spawnSync(process.execPath, [`scripts/${name}.ts`, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `npm run build` (scripts/build.ts) with these settings, when no other build runs (builds-alone.ts). */
export function publishSite(env: Record<string, string>, args: string[] = []): Promise<ScriptResult> {
  return withBuildsLock(
    () =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['scripts/build.ts', ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1', ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.once('error', reject);
        child.once('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
      }),
  );
}
