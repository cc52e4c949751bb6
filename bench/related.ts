/**
 * npm run bench:related [-- --sizes 1000,3000,10000]
 *
 * The cost of computing related stories (src/lib/related.ts) as the build does, at several archive
 * sizes, on stories generated from the thaigov corpus the way bench/scale.ts generates them: the Thai
 * originals in order, then again as copies dated three years earlier per copy, every third story with
 * an English rendering. Runs in this process (no site is built) and reports the time to cut each
 * story file into words (done once per file, when the content loader reads it), the time to relate
 * the stories (done in every build), per 1,000 stories (flat when the work is linear), and how many
 * stories found related ones.
 * Prints a table and writes bench/results/related-<timestamp>.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseStory } from '../src/lib/importer/parse.ts';
import { relatedStories, storyWords, type RelatedInput } from '../src/lib/related.ts';
import { table } from './support/stats.ts';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus/thaigov');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,3000,10000' } } });
const sizes = values.sizes.split(',').map(Number);

interface Source {
  title: string;
  summary: string;
  body: string;
  published: Date;
}

function read(lang: 'th' | 'en'): Source[] {
  const dir = join(corpus, lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => {
      try {
        const story = parseStory(readFileSync(join(dir, f), 'utf8'));
        const version = story.versions[0]!;
        return story.published
          ? [{ title: version.title, summary: version.paragraphs[0] ?? '', body: version.paragraphs.join('\n\n'), published: new Date(story.published) }]
          : [];
      } catch {
        return [];
      }
    });
}

const thai = read('th');
const english = read('en');
const YEAR_MS = 365 * 86_400_000;

/** The stories, each file's words computed as the content loader does (once per file, then kept in the build cache). */
function generate(n: number): RelatedInput[] {
  return Array.from({ length: n }, (_, i) => {
    const src = thai[i % thai.length]!;
    const copy = Math.floor(i / thai.length);
    const words = storyWords(src.title, src.summary, src.body);
    if (i % 3 === 0) {
      const en = english[(i / 3) % english.length]!;
      words.push(...storyWords(en.title, en.summary, en.body));
    }
    return { slug: `story-${i}`, published: new Date(src.published.getTime() - copy * 3 * YEAR_MS), topics: [], words };
  });
}

const rows: (string | number)[][] = [];
const results: { stories: number; ms: number; msPer1000: number; wordsMs: number; withRelated: number; meanRelated: number; meanRelatedInEnglish: number }[] =
  [];
for (const n of sizes) {
  const wordsStart = performance.now();
  const inputs = generate(n);
  const wordsMs = performance.now() - wordsStart;
  const start = performance.now();
  const related = relatedStories(inputs);
  // As the build does: once among the stories readable in Thai (all here), once among those readable in English.
  const relatedInEnglish = relatedStories(inputs.filter((_, i) => i % 3 === 0));
  const ms = performance.now() - start;
  const lists = [...related.values()];
  const withRelated = lists.filter((l) => l.length > 0).length / n;
  const meanRelated = lists.reduce((sum, l) => sum + l.length, 0) / n;
  const englishLists = [...relatedInEnglish.values()];
  const meanRelatedInEnglish = englishLists.reduce((sum, l) => sum + l.length, 0) / englishLists.length;
  results.push({ stories: n, ms, msPer1000: (ms / n) * 1000, wordsMs, withRelated, meanRelated, meanRelatedInEnglish });
  rows.push([
    n.toLocaleString('en'),
    `${(wordsMs / 1000).toFixed(1)} s`,
    `${(ms / 1000).toFixed(1)} s`,
    `${((ms / n) * 1000).toFixed(0)} ms`,
    `${(withRelated * 100).toFixed(1)} %`,
    meanRelated.toFixed(1),
    meanRelatedInEnglish.toFixed(1),
  ]);
  console.log(`${n} stories: ${(ms / 1000).toFixed(1)} s`);
}
console.log(`\nRelated stories (${thai.length} Thai and ${english.length} English corpus texts, a third of the stories with a rendering):\n`);
console.log(
  table(
    [
      'stories',
      'words (each file once, when loaded)',
      'relating, Thai and English (every build)',
      'per 1,000 stories',
      'stories with related',
      'related kept per story',
      'per English story',
    ],
    rows,
    [0, 1, 2, 3, 4, 5, 6],
  ),
);
const dir = join(root, 'bench/results');
await mkdir(dir, { recursive: true });
const file = join(dir, `related-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), results }, null, 1)}\n`);
console.log(`\n${file}`);
