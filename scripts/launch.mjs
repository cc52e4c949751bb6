// Runs a project command with a Node that can run it: `node scripts/launch.mjs <script.ts | bin> [args…]`.
//
// Astro 7 needs Node 22.12 and our .ts scripts and worker threads need type stripping, on by default
// from Node 22.18. A machine whose Node is older (Debian's is 20) gets Node 22 from the npm package
// node-<platform>-<arch>@22, installed once into node_modules/.cache/node-22 and announced in one line.
// Every npm script goes through here, so `npm install && npm start` and `npm test` work on either.
//
// Plain JavaScript on purpose: this file must run on the old Node it replaces.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The one statement of the minimum is package.json's engines field (">=22.18").
const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
const minimum = engines
  .replace(/^>=\s*/, '')
  .split('.')
  .map(Number);
const cacheDir = join(root, 'node_modules', '.cache', `node-${minimum[0]}`);

function isRecent(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > minimum[0] || (major === minimum[0] && minor >= (minimum[1] ?? 0));
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** The folder of a Node binary recent enough: the one running this file, else the cached download. */
function nodeBinDir() {
  if (isRecent(process.version)) return dirname(process.execPath);
  if (process.platform !== 'linux' && process.platform !== 'darwin') {
    fail(`Node ${process.version} is too old: this project needs Node ${engines}. Install Node 22 from nodejs.org and run the command again.`);
  }
  const pkg = `node-${process.platform}-${process.arch}`;
  const binDir = join(cacheDir, 'node_modules', pkg, 'bin');
  const cached = join(binDir, 'node');
  if (existsSync(cached) && isRecent(spawnSync(cached, ['--version'], { encoding: 'utf8' }).stdout.trim())) return binDir;
  console.error(
    `Node ${process.version} is too old for this project (it needs ${engines}): installing Node ${minimum[0]} from the npm package ${pkg}@${minimum[0]} into ${cacheDir}`,
  );
  // npm's own CLI, run by this Node, so it works whichever npm is first on PATH.
  const npmCli = process.env.npm_execpath;
  const npm = npmCli && npmCli.endsWith('.js') ? [process.execPath, npmCli] : ['npm'];
  const install = spawnSync(
    npm[0],
    [...npm.slice(1), 'install', '--prefix', cacheDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${minimum[0]}`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (install.status !== 0 || !existsSync(cached)) {
    fail(
      `Could not install Node ${minimum[0]} (${pkg}@${minimum[0]}). Install Node ${engines} yourself (for example \`nvm install 22\`) and run the command again.`,
    );
  }
  return binDir;
}

const [command, ...args] = process.argv.slice(2);
const binDir = nodeBinDir();
if (command === '--install') process.exit(0);
if (!command) fail('usage: node scripts/launch.mjs <script.ts | command> [arguments…]');

// Children that start `node` by name (package bins such as astro and vitest) find the same Node first.
const env = { ...process.env, PATH: [binDir, join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };
const isScript = /\.[cm]?[jt]s$/.test(command);
const child = spawn(isScript ? join(binDir, 'node') : command, isScript ? [command, ...args] : args, { stdio: 'inherit', env });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
// If whoever started us (npm) dies without a signal reaching us, the command must not run on alone.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid !== parent) child.kill('SIGTERM');
}, 1000);
watch.unref();
child.on('error', (error) => fail(`Could not start ${command}: ${error.message}`));
child.on('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  // Die of the same signal, as a shell reports it.
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
});
