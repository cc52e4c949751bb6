import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareParagraphs } from '../../src/lib/rendering-check/check.ts';
import { plainTextParagraphs } from '../../src/lib/rendering-check/plain-text.ts';
import type { Finding } from '../../src/lib/rendering-check/types.ts';
import { MUTATION_KINDS, mutationsOf, seededRandom, type Mutation, type MutationKind } from './rendering-mutations.ts';
import { findCorpusPairs } from './rendering-pairs.ts';

/**
 * The rendering check's evaluation on two sets of real pairs: one found in the corpus by rule (compared as
 * whole stories, as the check meets a rendering whose paragraphs do not line up), and the hand-picked
 * fixture (tests/fixtures/rendering-pairs.json, paragraphs aligned by reading). On each: false alarms on the
 * correct pairs, detection of errors injected by rule, and detection of real errors labelled by reading.
 */

export interface EvalStory {
  name: string;
  thai: string[];
  english: string[];
  /** Paragraph i of the English renders paragraph i of the Thai; otherwise each is checked against the whole Thai. */
  aligned: boolean;
}

export interface RealError {
  story: EvalStory;
  /** The corpus files it was read in, so a story found by rule can carry the same label. */
  files?: string;
  /** The wrong English words, as they stand in the English paragraph. */
  english: string;
  paragraph: number;
  what: string;
}

export interface KindResult {
  cases: number;
  detected: number;
}

export interface SetResult {
  name: string;
  stories: number;
  paragraphs: number;
  falseAlarms: number;
  falseAlarmsPerPair: number;
  alarms: { story: string; paragraph: number; message: string }[];
  /** Figures the English adds that its Thai does not give (labelled by reading): questioned rightly, so no false alarm. */
  additions: { cases: number; flagged: number };
  byKind: Partial<Record<MutationKind, KindResult>>;
  missed: { story: string; kind: MutationKind; from: string; to: string; paragraph: string }[];
  real: { cases: number; detected: number; missed: string[] };
}

interface ParagraphPair {
  thai: number[];
  english: number[];
}

interface PairsFixture {
  corpus: string;
  pairs: { thai: string; english: string; paragraphs: ParagraphPair[] }[];
  knownDiscrepancies: { thai: string; english: string; paragraph: ParagraphPair; wrong: string; what: string }[];
  additions: { thai: string; english: string; paragraph: ParagraphPair; added: string; what: string }[];
}

export function check(story: EvalStory): Finding[] {
  return compareParagraphs(story.thai, story.english, { aligned: story.aligned }).findings;
}

function corpusParagraphs(corpusDir: string, file: string): string[] {
  return plainTextParagraphs(readFileSync(join(corpusDir, file), 'utf8')).map((paragraph) => paragraph.text);
}

function joined(paragraphs: string[], indexes: number[], file: string): string {
  return indexes
    .map((index) => {
      const text = paragraphs[index];
      if (text === undefined) throw new Error(`${file} has no paragraph ${index}`);
      return text;
    })
    .join(' ');
}

export function readFixture(projectRoot: string): { corpusDir: string; stories: EvalStory[]; realErrors: RealError[]; additions: RealError[] } {
  const fixture = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/rendering-pairs.json'), 'utf8')) as PairsFixture;
  const corpusDir = join(projectRoot, fixture.corpus);
  const stories = fixture.pairs.map((pair) => {
    const thai = corpusParagraphs(corpusDir, pair.thai);
    const english = corpusParagraphs(corpusDir, pair.english);
    return {
      name: `${pair.thai} ↔ ${pair.english}`,
      thai: pair.paragraphs.map((p) => joined(thai, p.thai, pair.thai)),
      english: pair.paragraphs.map((p) => joined(english, p.english, pair.english)),
      aligned: true,
    };
  });
  const labelled = (known: { thai: string; english: string; paragraph: ParagraphPair; what: string }, english: string): RealError => ({
    story: {
      name: `${known.thai} ↔ ${known.english}`,
      thai: [joined(corpusParagraphs(corpusDir, known.thai), known.paragraph.thai, known.thai)],
      english: [joined(corpusParagraphs(corpusDir, known.english), known.paragraph.english, known.english)],
      aligned: true,
    },
    files: `${known.thai} ↔ ${known.english}`,
    english,
    paragraph: 0,
    what: known.what,
  });
  const realErrors = fixture.knownDiscrepancies.map((known) => labelled(known, known.wrong));
  const additions = fixture.additions.map((known) => labelled(known, known.added));
  // The seed's machine rendering, its errors labelled by reading it against the Thai.
  const seed: EvalStory = {
    name: 'seed 2: machine rendering',
    thai: readFileSync(join(projectRoot, 'tests/fixtures/seed-2-thai.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim()),
    english: readFileSync(join(projectRoot, 'tests/fixtures/seed-2-machine-en.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim()),
    aligned: true,
  };
  for (const [paragraph, wrong, what] of SEED_ERRORS) realErrors.push({ story: seed, english: wrong, paragraph, what });
  return { corpusDir, stories, realErrors, additions };
}

/** The machine rendering's figure errors (tests/fixtures/seed-2-machine-en.txt), found by reading it against the Thai. */
export const SEED_ERRORS: readonly [number, string, string][] = [
  [2, 'July', 'the partnership was declared in February (ก.พ.), not July'],
  [2, '1962', 'that was 2022 (ก.พ.2565), not 1962'],
  [3, '$2278 billion', '2.278 แสนล้าน dollars is 227.8 billion'],
  [3, '2026', 'the trade figure is for 2023 (ปี 2566)'],
  [3, '$2196 billion', '2.196 แสนล้าน dollars is 219.6 billion'],
];

/** The labelled errors that sit in stories of another set (the same files and English paragraph). */
export function relabel(errors: readonly RealError[], stories: readonly EvalStory[], files: (story: EvalStory) => string): RealError[] {
  return errors.flatMap((error) => {
    const paragraphText = error.story.english[error.paragraph]!;
    for (const story of stories) {
      if (!error.files || files(story) !== error.files) continue;
      const paragraph = story.english.findIndex((text) => text.includes(paragraphText));
      if (paragraph !== -1) return [{ ...error, story, paragraph }];
    }
    return [];
  });
}

/** Found by rule over the whole corpus, so stories the fixture also holds are found again, aligned by rule, not by hand. */
export function generatedStories(corpusDir: string): (EvalStory & { files: string })[] {
  return findCorpusPairs(corpusDir).map((pair) => ({
    name: pair.name,
    files: `${pair.thaiFile} ↔ ${pair.englishFile}`,
    thai: pair.thai,
    english: pair.english,
    aligned: false,
  }));
}

const overlaps = (finding: Finding, start: number, end: number) => finding.english.start < end && start < finding.english.end;

export function evaluate(
  name: string,
  stories: readonly EvalStory[],
  realErrors: readonly RealError[],
  additions: readonly RealError[] = [],
  seed = 20240516,
): SetResult {
  const random = seededRandom(seed);
  const alarms: SetResult['alarms'] = [];
  const flaggedAdditions = new Set<RealError>();
  const byKind: SetResult['byKind'] = {};
  const missed: SetResult['missed'] = [];
  let paragraphs = 0;
  for (const story of stories) {
    const baseline = check(story);
    paragraphs += story.english.length;
    const about = (finding: Finding) => (label: RealError) =>
      label.story === story && label.paragraph === finding.paragraph && finding.english.text.includes(label.english);
    for (const finding of baseline) {
      const addition = additions.find(about(finding));
      if (addition) flaggedAdditions.add(addition);
      else if (!realErrors.some(about(finding))) alarms.push({ story: story.name, paragraph: finding.paragraph ?? -1, message: finding.message });
    }
    const wholeThai = story.thai.join('\n');
    story.english.forEach((english, paragraph) => {
      const thai = story.aligned ? story.thai[paragraph]! : wholeThai;
      for (const mutation of mutationsOf(paragraph, english, thai, random)) {
        // A figure the check already questions cannot show whether the mutation was noticed.
        if (baseline.some((f) => f.paragraph === paragraph && overlaps(f, mutation.start, mutation.start + mutation.from.length))) continue;
        const entry = (byKind[mutation.kind] ??= { cases: 0, detected: 0 });
        entry.cases += 1;
        if (detects(story, mutation)) entry.detected += 1;
        else missed.push({ story: story.name, kind: mutation.kind, from: mutation.from, to: mutation.to, paragraph: mutation.text });
      }
    });
  }
  const realMissed: string[] = [];
  for (const error of realErrors) {
    const text = error.story.english[error.paragraph]!;
    const start = text.indexOf(error.english);
    if (start === -1) throw new Error(`${error.story.name}: "${error.english}" is not in English paragraph ${error.paragraph}`);
    const found = check(error.story).some((f) => f.paragraph === error.paragraph && f.kind !== 'name' && overlaps(f, start, start + error.english.length));
    if (!found) realMissed.push(`${error.story.name}: ${error.what}`);
  }
  return {
    name,
    stories: stories.length,
    paragraphs,
    falseAlarms: alarms.length,
    falseAlarmsPerPair: alarms.length / Math.max(1, stories.length),
    alarms,
    additions: { cases: additions.length, flagged: flaggedAdditions.size },
    byKind,
    missed,
    real: { cases: realErrors.length, detected: realErrors.length - realMissed.length, missed: realMissed },
  };
}

function detects(story: EvalStory, mutation: Mutation): boolean {
  const english = story.english.map((text, index) => (index === mutation.paragraph ? mutation.text : text));
  // A dropped word leaves an empty span: the figure before it is what changed.
  const start = mutation.start === mutation.end ? Math.max(0, mutation.start - 1) : mutation.start;
  return check({ ...story, english }).some(
    (f) => f.paragraph === mutation.paragraph && f.kind !== 'name' && overlaps(f, start, Math.max(mutation.end, start + 1)),
  );
}

export { MUTATION_KINDS };
