import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { checkParagraphs } from './index.ts';
import type { Finding } from './types.ts';

/** One MDX story file read for the check: its title and body paragraphs, and whether it is a rendering. */
export interface StoryText {
  /** Paragraph 0 is the frontmatter title; the body's blank-line-separated paragraphs follow. */
  paragraphs: string[];
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
  thai: string[];
  english: string[];
  findings: Finding[];
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('"') && trimmed.endsWith('"')) return trimmed.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1).replaceAll("''", "'");
  return trimmed;
}

/** The top-level `title:` of YAML frontmatter, also when written as a folded or literal block. */
function frontmatterTitle(lines: readonly string[]): string | null {
  const index = lines.findIndex((line) => /^title:/.test(line));
  if (index === -1) return null;
  const value = lines[index]!.replace(/^title:\s*/, '');
  if (!/^[>|][-+]?\s*$/.test(value)) return unquote(value);
  const block: string[] = [];
  for (const line of lines.slice(index + 1)) {
    if (!/^\s+\S/.test(line) && line.trim() !== '') break;
    block.push(line.trim());
  }
  return block.join(' ').trim();
}

/** MDX lines that are code rather than prose: imports, exports, lone components. */
function isProse(paragraph: string): boolean {
  return !/^(?:import|export)\s/.test(paragraph) && !/^<[^>]+\/?>$/.test(paragraph);
}

export function readStoryText(source: string): StoryText {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  const frontmatter = match ? match[1]!.split(/\r?\n/) : [];
  const body = match ? match[2]! : source;
  const title = frontmatterTitle(frontmatter);
  const bodyParagraphs = body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, ' ').replace(/^#+\s+/, '').trim())
    .filter((paragraph) => paragraph.length > 0 && isProse(paragraph));
  return {
    paragraphs: title ? [title, ...bodyParagraphs] : bodyParagraphs,
    isRendering: frontmatter.some((line) => /^translation:/.test(line)),
  };
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

/** Checks the English against the Thai of every story folder under `contentDir` that has both `th.mdx` and `en.mdx`. */
export async function checkContentDir(contentDir: string): Promise<StoryFindings[]> {
  const directories = (await storyDirectories(contentDir)).sort();
  const results: StoryFindings[] = [];
  for (const directory of directories) {
    const thai = readStoryText(await readFile(join(directory, 'th.mdx'), 'utf8'));
    const english = readStoryText(await readFile(join(directory, 'en.mdx'), 'utf8'));
    const original = thai.isRendering === english.isRendering ? null : thai.isRendering ? 'en' : 'th';
    results.push({
      slug: basename(directory),
      directory: relative(contentDir, directory) || '.',
      original,
      aligned: thai.paragraphs.length === english.paragraphs.length,
      thai: thai.paragraphs,
      english: english.paragraphs,
      findings: checkParagraphs(thai.paragraphs, english.paragraphs),
    });
  }
  return results;
}

/** One finding as a few readable lines, for build warnings and the command line. */
export function describeFinding(finding: Finding, slug: string): string {
  const where = finding.paragraph === null ? 'story' : finding.paragraph === 0 ? 'title' : `paragraph ${finding.paragraph}`;
  const thai = finding.thai ? `"${finding.thai.text}"` : '(none)';
  const english = finding.kind === 'name' ? '(not mentioned)' : `"${finding.english.text}"`;
  return [
    `${slug} · ${where} · ${finding.kind}`,
    `  Thai:     ${thai}`,
    `  English:  ${english}`,
    `  expected: ${finding.expected}`,
    `  ${finding.message}`,
  ].join('\n');
}
