import { parse, stringify } from 'yaml';
import { escapeMdxText, unescapeMdxText } from './mdx-text.ts';

/** Frontmatter as the importer writes it; the zod schema in src/content.config.ts is the authority. */
export interface ArticleFrontmatter {
  title: string;
  summary: string;
  published?: string;
  updated?: string;
  section?: string;
  tags?: string[];
  source?: string;
  sourceUrl?: string;
  byline?: string;
  image?: { src?: string; alt?: string; caption: string; credit: string };
  related?: { title: string; summary?: string; url?: string }[];
  translation?: { translator: string; machine: boolean; reviewed: boolean; reviewer?: string };
}

/** Field order of every written file, so files diff cleanly and re-imports are byte-identical. */
const FIELD_ORDER: (keyof ArticleFrontmatter)[] = [
  'title',
  'summary',
  'published',
  'updated',
  'section',
  'tags',
  'source',
  'sourceUrl',
  'byline',
  'image',
  'related',
  'translation',
];

export function renderArticleFile(frontmatter: ArticleFrontmatter, paragraphs: readonly string[]): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = frontmatter[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  const yaml = stringify(ordered, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${paragraphs.map(escapeMdxText).join('\n\n')}\n`;
}

export interface ArticleFile {
  frontmatter: Record<string, unknown>;
  paragraphs: string[];
}

/** Reads a file written by renderArticleFile (or by hand in the same simple shape). */
export function readArticleFile(text: string): ArticleFile {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text.replace(/\r\n?/g, '\n'));
  if (!match) return { frontmatter: {}, paragraphs: [] };
  const data: unknown = parse(match[1]!);
  const frontmatter = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const paragraphs = match[2]!
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(unescapeMdxText);
  return { frontmatter, paragraphs };
}
