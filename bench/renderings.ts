/**
 * npm run bench:renderings [-- --show 10]
 *
 * How well the rendering check does on renderings it was not tuned on, on two sets of real Thai/English
 * pairs: one found in the thaigov corpus by rule (bench/support/rendering-pairs.ts; compared as whole
 * stories, without the fixture's hand alignment) and the hand-picked fixture (tests/fixtures/rendering-pairs.json). For each: false alarms per
 * correct story pair, detection of errors injected by rule per kind (bench/support/rendering-mutations.ts),
 * and detection of real errors labelled by reading. Prints tables and writes
 * bench/results/renderings-<timestamp>.json.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../tests/support/build-site.ts';
import { evaluate, generatedStories, MUTATION_KINDS, readFixture, relabel, type SetResult } from './support/rendering-eval.ts';
import { gitState, table, timestamp } from './support/stats.ts';

const { values } = parseArgs({ options: { show: { type: 'string', default: '10' } } });
const show = Number(values.show);

const { corpusDir, stories, realErrors, additions } = readFixture(projectRoot);
if (!existsSync(corpusDir)) {
  console.error(`bench:renderings: the thaigov corpus is not at ${corpusDir}; it is read from ../shared, never copied into the project`);
  process.exit(2);
}
const generated = generatedStories(corpusDir);
const sets: SetResult[] = [
  evaluate(
    'generated',
    generated,
    relabel(realErrors, generated, (story) => (story as (typeof generated)[number]).files),
    relabel(additions, generated, (story) => (story as (typeof generated)[number]).files),
  ),
  evaluate('fixture', stories, realErrors),
];

const percent = (detected: number, cases: number) => (cases === 0 ? '–' : `${((100 * detected) / cases).toFixed(1)}%`);
console.log(`\nRendering check: ${generated.length} pairs found by rule, ${stories.length} fixture pairs\n`);
console.log(
  table(
    ['injected error', ...sets.flatMap((set) => [`${set.name} found`, `${set.name} rate`])],
    MUTATION_KINDS.map((kind) => [
      kind,
      ...sets.flatMap((set) => {
        const entry = set.byKind[kind] ?? { cases: 0, detected: 0 };
        return [`${entry.detected}/${entry.cases}`, percent(entry.detected, entry.cases)];
      }),
    ]),
    [1, 2, 3, 4],
  ),
);
console.log('');
console.log(
  table(
    ['set', 'pairs', 'paragraphs', 'false alarms', 'per pair', 'real errors found', 'additions questioned'],
    sets.map((set) => [
      set.name,
      set.stories,
      set.paragraphs,
      set.falseAlarms,
      set.falseAlarmsPerPair.toFixed(2),
      set.real.cases ? `${set.real.detected}/${set.real.cases}` : '–',
      set.additions.cases ? `${set.additions.flagged}/${set.additions.cases}` : '–',
    ]),
    [1, 2, 3, 4],
  ),
);
for (const set of sets) {
  for (const alarm of set.alarms.slice(0, show)) console.log(`  false alarm (${set.name}) ${alarm.story} ¶${alarm.paragraph}: ${alarm.message}`);
  for (const miss of set.missed.slice(0, show)) console.log(`  missed ${miss.kind} (${set.name}) ${miss.story}: "${miss.from}" → "${miss.to}"`);
  for (const miss of set.real.missed) console.log(`  missed real error (${set.name}) ${miss}`);
}

const resultsDir = join(projectRoot, 'bench/results');
await mkdir(resultsDir, { recursive: true });
const file = join(resultsDir, `renderings-${timestamp()}.json`);
await writeFile(file, `${JSON.stringify({ git: gitState(), sets }, null, 2)}\n`);
console.log(`\nwritten ${file}`);
