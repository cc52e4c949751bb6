import { parse, stringify } from 'yaml';
import { articleSchema, type ArticleFrontmatter } from '../../schemas/article.ts';
import { escapeMdxText, unescapeMdxText } from './mdx-text.ts';

export type { ArticleFrontmatter } from '../../schemas/article.ts';

/** Field order of every written file (the schema's), so files diff cleanly and re-imports are byte-identical. */
const FIELD_ORDER = Object.keys(articleSchema.shape) as (keyof ArticleFrontmatter)[];

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
