import { spawnSync } from 'node:child_process';
import { projectRoot } from './build-site.ts';

/** Runs one of the project's scripts (scripts/NAME.ts) with Node, as `npm run` would. */
export function runScript(name: string, args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [`scripts/${name}.ts`, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
