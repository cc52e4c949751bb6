import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import pLimit from 'p-limit';
import { parseDocument } from 'yaml';
import { fieldLine, splitFile } from '../frontmatter-checks.ts';
import type { StoryBlock } from '../markdown/block-ids.ts';
import { renderStoryBody } from '../markdown/story-body.ts';
import { checkParagraphs } from './index.ts';
import type { Finding } from './types.ts';

/** A paragraph of a story as the check sees it: the title (no block id) or a numbered block of the body. */
export interface StoryParagraph {
  /** The block id the page uses ("b-5"), null for the title. */
  id: string | null;
  text: string;
  /** 1-based line of the file where it starts. */
  line: number;
}

/** One story file read for the check: the title, then the body's blocks numbered as on the page. */
export interface StoryText {
  /** Paragraph 0 is the frontmatter title; block b-n is paragraph n. */
  paragraphs: string[];
  located: StoryParagraph[];
  /** The file has a `translation:` block, so it renders the other language's original. */
  isRendering: boolean;
}

export interface StoryFindings {
  slug: string;
  directory: string;
  /** Which file is the original (has no `translation:` block); null when that is unclear. */
  original: 'th' | 'en' | null;
  /** True when the two texts had as many paragraphs and were compared pair by pair. */
  aligned: boolean;
  thai: StoryParagraph[];
  english: StoryParagraph[];
  findings: Finding[];
}

/**
 * Reads a story file as the content loader does: its frontmatter split off and parsed with `yaml` (the
 * `title:` key's line found the same way, so the build and this check name the same line), then the
 * body with MDX, blank lines standing for the frontmatter so that block lines are the file's.
 */
export function readStoryText(source: string, format: 'md' | 'mdx' = 'mdx'): StoryText {
  const { frontmatter, body, bodyLine } = splitFile(source);
  const document = parseDocument(frontmatter ?? '');
  const data: unknown = document.toJS();
  const fields = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const title = typeof fields['title'] === 'string' ? fields['title'] : '';
  const line = fieldLine(document, frontmatter ?? '', ['title']);
  return storyText({ text: title, line }, renderStoryBody('\n'.repeat(bodyLine - 1) + body, format).blocks, fields['translation'] !== undefined);
}

/** A story version as the check reads it: its title (on one line), then its body's numbered blocks. */
export function storyText(title: { text: string; line: number }, blocks: readonly StoryBlock[], isRendering: boolean): StoryText {
  const heading = title.text.replace(/\s+/g, ' ').trim();
  const located: StoryParagraph[] = [
    ...(heading ? [{ id: null, text: heading, line: title.line }] : []),
    ...blocks.map(({ id, text, line }) => ({ id, text, line })),
  ];
  return { paragraphs: located.map((paragraph) => paragraph.text), located, isRendering };
}

/** A story file that MDX cannot read is named, with its reason; the build says the same with the fix. */
function readStoryFile(path: string, source: string): StoryText {
  try {
    return readStoryText(source);
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}; fix the story (npm run build names the line and what to write)`, {
      cause: error,
    });
  }
}

async function storyDirectories(root: string): Promise<string[]> {
  const found: string[] = [];
  const files = new Set<string>();
  const folders: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isFile()) files.add(entry.name);
    else if (entry.isDirectory() && !entry.name.startsWith('.')) folders.push(entry.name);
  }
  if (files.has('th.mdx') && files.has('en.mdx')) found.push(root);
  for (const folder of folders) found.push(...(await storyDirectories(join(root, folder))));
  return found;
}

/**
 * Where the build keeps what it found in each pair of texts, and the digest of the code that found it.
 * A pair's findings depend only on its two texts and on that code, so a pair checked before is read
 * back instead of checked again: in a large archive, checking every pair at every publish cost more
 * than the rest of the publish.
 */
export interface CheckCache {
  dir: string;
  code: string;
}

type PairFindings = Omit<StoryFindings, 'slug' | 'directory'>;

/** What the check finds in the English of a story against its Thai, both read as the page numbers their paragraphs. */
export function checkStoryTexts(thai: StoryText, english: StoryText): PairFindings {
  return {
    original: thai.isRendering === english.isRendering ? null : thai.isRendering ? 'en' : 'th',
    aligned: thai.paragraphs.length === english.paragraphs.length,
    thai: thai.located,
    english: english.located,
    findings: checkParagraphs(thai.paragraphs, english.paragraphs),
  };
}

/**
 * A pair's findings: read back from the cache when the same code checked the same two texts (`pairKey`
 * names them: the digests the content loader gave the two files), else checked and kept.
 * `used` collects the cache files this run needs.
 */
async function cachedFindings(cache: CheckCache, pairKey: string, used: Set<string>, check: () => PairFindings): Promise<PairFindings> {
  const name = `${createHash('sha256').update(`${cache.code}\0${pairKey}`).digest('hex')}.json`;
  const file = join(cache.dir, name);
  used.add(name);
  const kept = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as PairFindings,
    () => null,
  );
  if (kept) return kept;
  const pair = check();
  // Written whole or not at all, so a killed build leaves nothing half-written to read back.
  await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(pair));
  await rename(`${file}.${process.pid}.tmp`, file);
  return pair;
}

/** Removes the cache's files of pairs this run neither checked nor read back (a changed text, a deleted story, older code). */
async function pruneCache(cache: CheckCache, used: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cache.dir)) if (!used.has(name)) await rm(join(cache.dir, name), { force: true });
}

/** Story pairs read and checked side by side. */
const PAIRS_AT_ONCE = 16;

/**
 * Checks the English against the Thai of every story folder under `contentDir` that has both `th.mdx`
 * and `en.mdx`, reading the files: the command-line check and report, which run without a build.
 */
export async function checkContentDir(contentDir: string): Promise<StoryFindings[]> {
  const directories = (await storyDirectories(contentDir)).sort();
  // Pairs are read and checked side by side: reading them one at a time, the check mostly waited on the disk.
  const limit = pLimit(PAIRS_AT_ONCE);
  const check = async (directory: string): Promise<StoryFindings> => {
    const thaiPath = join(directory, 'th.mdx');
    const englishPath = join(directory, 'en.mdx');
    const [thaiSource, englishSource] = await Promise.all([readFile(thaiPath, 'utf8'), readFile(englishPath, 'utf8')]);
    const pair = checkStoryTexts(readStoryFile(thaiPath, thaiSource), readStoryFile(englishPath, englishSource));
    return { slug: basename(directory), directory: relative(contentDir, directory) || '.', ...pair };
  };
  return Promise.all(directories.map((directory) => limit(() => check(directory))));
}

/**
 * A translated story as the content loader recorded it: where it is, the digests of its two files,
 * and each version's text as the loader read it (asked only for a pair the cache does not hold).
 */
export interface RecordedPair {
  slug: string;
  directory: string;
  digests: { th: string; en: string };
  texts: () => { thai: StoryText; english: StoryText };
}

/**
 * The build's check: every translated story from what the content loader recorded of it, so no
 * story file is read twice; a pair checked before by the same code is read back from the cache.
 */
export async function checkRecordedPairs(pairs: readonly RecordedPair[], cache: CheckCache): Promise<StoryFindings[]> {
  const used = new Set<string>();
  await mkdir(cache.dir, { recursive: true });
  // Read back side by side, as the files are in checkContentDir.
  const limit = pLimit(PAIRS_AT_ONCE);
  const results = await Promise.all(
    pairs.map(({ slug, directory, digests, texts }) =>
      limit(async () => {
        const pair = await cachedFindings(cache, `${digests.th}\0${digests.en}`, used, () => {
          const { thai, english } = texts();
          return checkStoryTexts(thai, english);
        });
        return { slug, directory, ...pair };
      }),
    ),
  );
  await pruneCache(cache, used);
  return results;
}

/** Where a finding sits: "b-5 (en.mdx line 12)", "title (en.mdx line 2)", or the paragraph number of a plain text. */
export function findingPlace(finding: Finding, english?: readonly StoryParagraph[]): string {
  if (finding.paragraph === null) return 'story';
  const located = english?.[finding.paragraph];
  if (located) return `${located.id ?? 'title'} (en.mdx line ${located.line})`;
  return finding.paragraph === 0 ? 'title' : `paragraph ${finding.paragraph}`;
}

/** One finding as a few readable lines, for build warnings and the command line. */
export function describeFinding(finding: Finding, story: string, english?: readonly StoryParagraph[]): string {
  const thai = finding.thai ? `"${finding.thai.text}"${finding.thaiSentence ? ` in “${finding.thaiSentence}”` : ''}` : '(none)';
  const englishText = finding.kind === 'name' ? '(not mentioned)' : `"${finding.english.text}" in “${finding.englishSentence}”`;
  return [
    `${story} · ${findingPlace(finding, english)} · ${finding.kind}`,
    `  English:  ${englishText}`,
    `  Thai:     ${thai}`,
    `  ${finding.message}`,
    `  expected: ${finding.expected}`,
    `  fix:      ${finding.fix}`,
  ].join('\n');
}
