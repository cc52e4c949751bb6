import { parse, stringify } from 'yaml';
import { articleSchema, type ArticleFrontmatter } from '../../schemas/article.ts';
import { splitFile } from '../frontmatter-checks.ts';
import { renderStoryBody } from '../markdown/story-body.ts';
import { escapeMdxText } from './mdx-text.ts';

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

/** A story file's frontmatter, split off and parsed with `yaml` as the content loader does. */
export function readArticleFrontmatter(text: string): Record<string, unknown> {
  return fieldsOf(splitFile(text).frontmatter);
}

/** A story file as the content loader reads it: its frontmatter, and the text of its body's blocks (paragraphs, headings, list items) as MDX parses them. */
export function readArticleFile(text: string): ArticleFile {
  const { frontmatter, body } = splitFile(text);
  return { frontmatter: fieldsOf(frontmatter), paragraphs: renderStoryBody(body, 'mdx').blocks.map((block) => block.text) };
}

/** What the content loader gives a story file's lexicon (buildLexicon in thai-lines.ts): its headline, dek and body text, and its tags. */
export function readLexiconTexts(text: string): { texts: string[]; tags: string[] } {
  const { frontmatter, body } = splitFile(text);
  const data = fieldsOf(frontmatter);
  const tags = Array.isArray(data['tags']) ? data['tags'].filter((tag): tag is string => typeof tag === 'string') : [];
  return { texts: [String(data['title'] ?? ''), String(data['summary'] ?? ''), body], tags };
}

function fieldsOf(frontmatter: string | null): Record<string, unknown> {
  const data: unknown = parse(frontmatter ?? '');
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}
