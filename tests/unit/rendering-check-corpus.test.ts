import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, generatedStories, readFixture, relabel, type EvalStory, type SetResult } from '../../bench/support/rendering-eval.ts';
import { projectRoot } from '../support/build-site.ts';

/*
 * The rendering check on real thaigov pairs it was not tuned on (the corpus is read from ../shared, never
 * copied): the fixed sample of `npm run bench:renderings`. Two sets: the pairs a rule finds in the corpus,
 * compared as whole stories, and the hand-aligned fixture (tests/fixtures/rendering-pairs.json). Errors are
 * injected by rule (bench/support/rendering-mutations.ts) with a fixed seed, so the cases are the same on every run.
 */

const fixture = readFixture(projectRoot);
const corpusMissing = !existsSync(fixture.corpusDir);
const skipNote = `thaigov corpus not found at ${fixture.corpusDir}; corpus tests skipped`;
if (corpusMissing) console.warn(skipNote);

/** Kinds (and real errors) with this many cases or more must each reach the target; fewer cannot measure 97% or 80%. */
const MEASURABLE = 5;

function report(set: SetResult): void {
  for (const alarm of set.alarms) console.log(`false alarm (${set.name}) ${alarm.story} ¶${alarm.paragraph}: ${alarm.message}`);
  for (const miss of set.missed.slice(0, 10)) console.log(`missed ${miss.kind} (${set.name}) ${miss.story}: "${miss.from}" → "${miss.to}"`);
  console.log(
    `${set.name}: ${Object.entries(set.byKind)
      .map(([kind, entry]) => `${kind} ${entry.detected}/${entry.cases}`)
      .join(', ')}`,
  );
}

/** The issue's targets: 97% of every kind of injected error, 80% of real errors, at most 0.15 false alarms per pair. */
function expectTargets(set: SetResult): void {
  report(set);
  expect(set.falseAlarmsPerPair).toBeLessThanOrEqual(0.15);
  const all = Object.values(set.byKind);
  expect(all.reduce((sum, entry) => sum + entry.detected, 0) / all.reduce((sum, entry) => sum + entry.cases, 0)).toBeGreaterThanOrEqual(0.97);
  for (const [kind, entry] of Object.entries(set.byKind)) {
    if (entry.cases >= MEASURABLE) expect(entry.detected / entry.cases, `${set.name}: ${kind}`).toBeGreaterThanOrEqual(0.97);
  }
  if (set.real.cases >= MEASURABLE) expect(set.real.detected / set.real.cases).toBeGreaterThanOrEqual(0.8);
  // The figures an English adds (labelled by reading) are what the check exists to question.
  expect(set.additions.flagged).toBe(set.additions.cases);
}

describe.skipIf(corpusMissing)('rendering check on real thaigov pairs', () => {
  it('on the hand-aligned fixture: few false alarms, 97% of injected errors of every kind, 80% of real errors', { timeout: 60_000 }, () => {
    const set = evaluate('fixture', fixture.stories, fixture.realErrors);
    expect(set.stories).toBeGreaterThanOrEqual(8);
    expect(set.paragraphs).toBeGreaterThanOrEqual(40);
    expectTargets(set);
  });

  it('on the pairs a rule finds in the corpus, compared as whole stories: the same targets', { timeout: 60_000 }, () => {
    const stories = generatedStories(fixture.corpusDir);
    expect(stories.length).toBeGreaterThanOrEqual(30);
    const files = (story: EvalStory) => (story as (typeof stories)[number]).files;
    const set = evaluate('generated', stories, relabel(fixture.realErrors, stories, files), relabel(fixture.additions, stories, files));
    expect(set.additions.cases).toBe(fixture.additions.length);
    expect(Object.values(set.byKind).reduce((sum, entry) => sum + entry.cases, 0)).toBeGreaterThanOrEqual(300);
    expectTargets(set);
  });
});

describe.skipIf(!corpusMissing)('rendering check on real thaigov pairs (corpus absent)', () => {
  it.skip(skipNote, () => {});
});
