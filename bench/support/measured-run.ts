import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Runs a command and measures it: wall time, and memory of the whole process tree (the build, its
 * worker processes, the Pagefind binary) by polling /proc: the largest sum of VmRSS seen at one
 * moment, and the sum of each process's own peak (VmHWM), an upper bound. Every output line is kept
 * with the time it arrived, so phases can be read off the build's own log.
 */

export interface TimedLine {
  ms: number;
  text: string;
}

export interface MeasuredRun {
  ms: number;
  exitCode: number | null;
  /** Largest total resident memory of the process tree at one sample (bytes). */
  peakTreeRss: number;
  /** Sum over the tree's processes of each one's peak resident memory (bytes): an upper bound. */
  sumOfPeaks: number;
  /** The largest single process's peak (bytes), what `/usr/bin/time -v` reports as maximum resident set size. */
  largestProcessPeak: number;
  processes: number;
  /** Peak resident memory per command (the build's node, the Pagefind binary, …), bytes. */
  peakByCommand: Record<string, number>;
  /** The tree's resident memory over time: the largest sample of each second. */
  timeline: { s: number; rss: number }[];
  lines: TimedLine[];
  output: string;
}

function readStatus(pid: number): { rss: number; hwm: number; name: string } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kbOf = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kbOf('VmRSS'), hwm: kbOf('VmHWM'), name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?' };
  } catch {
    return null;
  }
}

/** Every process below root (root included). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; the parent pid is the second field after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export function runMeasured(
  command: string,
  args: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; pollMs?: number; echo?: (line: TimedLine) => void },
): Promise<MeasuredRun> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: TimedLine[] = [];
    let output = '';
    const partial = { stdout: '', stderr: '' };
    const onData = (stream: 'stdout' | 'stderr') => (d: Buffer) => {
      const now = performance.now() - start;
      const text = partial[stream] + d.toString();
      const parts = text.split('\n');
      partial[stream] = parts.pop()!;
      for (const raw of parts) {
        // Colour codes would split the messages the phases are read from.
        const line = { ms: now, text: raw.replace(/\x1b\[[0-9;]*m/g, '') };
        lines.push(line);
        output += `${line.text}\n`;
        opts.echo?.(line);
      }
    };
    child.stdout.on('data', onData('stdout'));
    child.stderr.on('data', onData('stderr'));
    let peakTreeRss = 0;
    const peaks = new Map<number, number>();
    const byCommand: Record<string, number> = {};
    const timeline: { s: number; rss: number }[] = [];
    const sample = () => {
      if (child.pid === undefined) return;
      let total = 0;
      for (const pid of processTree(child.pid)) {
        const s = readStatus(pid);
        if (!s) continue;
        total += s.rss;
        peaks.set(pid, Math.max(peaks.get(pid) ?? 0, s.hwm));
        byCommand[s.name] = Math.max(byCommand[s.name] ?? 0, s.hwm);
      }
      peakTreeRss = Math.max(peakTreeRss, total);
      const second = Math.floor((performance.now() - start) / 1000);
      const last = timeline.at(-1);
      if (last?.s === second) last.rss = Math.max(last.rss, total);
      else timeline.push({ s: second, rss: total });
    };
    const timer = setInterval(sample, opts.pollMs ?? 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      for (const stream of ['stdout', 'stderr'] as const) {
        if (partial[stream]) lines.push({ ms: performance.now() - start, text: partial[stream] });
      }
      const values = [...peaks.values()];
      resolvePromise({
        ms: performance.now() - start,
        exitCode: code,
        peakTreeRss,
        sumOfPeaks: values.reduce((a, b) => a + b, 0),
        largestProcessPeak: Math.max(0, ...values),
        processes: peaks.size,
        peakByCommand: byCommand,
        timeline,
        lines,
        output,
      });
    });
  });
}

/** A build phase: from one line of the log to the next marker's line. */
export interface Phase {
  name: string;
  ms: number;
  /** The process tree's largest resident memory during the phase (bytes), from the run's timeline. */
  peakRss: number;
}

/**
 * Splits a run into phases at the first line matching each marker, in order (a marker not found is
 * skipped); what follows the last marker is "exit".
 */
export function phasesOf(run: Pick<MeasuredRun, 'ms' | 'lines' | 'timeline'>, markers: readonly { name: string; ends: RegExp }[]): Phase[] {
  const phases: Phase[] = [];
  // The timeline holds one sample a second: a phase's peak is that of the seconds it touches.
  const peakBetween = (fromMs: number, toMs: number) =>
    Math.max(0, ...run.timeline.filter((t) => t.s >= Math.floor(fromMs / 1000) && t.s <= Math.floor(toMs / 1000)).map((t) => t.rss));
  let from = 0;
  let index = 0;
  for (const marker of markers) {
    const at = run.lines.findIndex((l, i) => i >= index && marker.ends.test(l.text));
    if (at < 0) continue;
    const to = run.lines[at]!.ms;
    phases.push({ name: marker.name, ms: to - from, peakRss: peakBetween(from, to) });
    from = to;
    index = at + 1;
  }
  phases.push({ name: 'exit', ms: run.ms - from, peakRss: peakBetween(from, run.ms) });
  return phases;
}

/** Markers of `astro build` (Astro 7), with the search-index hooks of ours and of the baseline, and the index scripts/build.ts writes after it. */
export const ASTRO_PHASES = [
  { name: 'start-up (config, Vite)', ends: /\[content\] Syncing content/ },
  { name: 'content sync (loader, schema)', ends: /\[content\] Synced content/ },
  { name: 'bundle (Vite server build, MDX compile)', ends: /\[vite\] ✓ built in/ },
  { name: 'client bundle, assets', ends: /generating static routes/ },
  { name: 'render pages', ends: /✓ Completed in/ },
  { name: 'build:done hooks (the search index, in astro build)', ends: /page\(s\) built in/ },
  // scripts/build.ts writes the search index once Astro's process has ended.
  { name: 'search index (after Astro)', ends: /search index: \d+ bundles?, / },
] as const;
