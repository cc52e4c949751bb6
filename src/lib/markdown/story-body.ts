import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { rehypeBlockIds, type StoryBlock } from './block-ids.ts';
import { rehypeKeepWords } from './keep-words.ts';
import { rehypeSafeLinks } from './safe-links.ts';

/**
 * Story bodies are prose: MDX's parser reads them (so they mean exactly what they mean in MDX), but
 * they may not hold components, expressions or imports (frontmatter-checks.ts says so with a fix). Prose
 * needs no JavaScript module per story: the body is turned into HTML once, when the content is
 * loaded, and Astro's content cache keeps that HTML until the file changes. Compiling each story into
 * a module instead (what @astrojs/mdx does for pages) cost minutes and gigabytes at 10,000 stories.
 */

/** Where MDX code was found in a body: the line in the body, and what it was. */
export class StoryBodyCode extends Error {
  readonly line: number;
  readonly what: string;

  constructor(line: number, what: string) {
    super(`line ${line} of the body holds ${what}`);
    this.line = line;
    this.what = what;
  }
}

const CODE_NODES: Record<string, string> = {
  mdxjsEsm: 'an import or export',
  mdxFlowExpression: 'an expression in braces',
  mdxTextExpression: 'an expression in braces',
  mdxJsxFlowElement: 'a tag or component',
  mdxJsxTextElement: 'a tag or component',
};

/** Lists and quotes nested deeper than this are refused: each level indents, and 60 made a page 2,187 px wide. */
export const MAX_NESTING = 4;

/** A list or quote nested deeper than MAX_NESTING: the line in the body where it starts. */
export class StoryBodyNesting extends Error {
  readonly line: number;

  constructor(line: number) {
    super(`line ${line} of the body nests lists or quotes more than ${MAX_NESTING} levels deep`);
    this.line = line;
  }
}

const NESTING_NODES = new Set(['list', 'blockquote']);

/** The remark plugin that refuses MDX code, and nesting no reader can follow, in a story body. */
function remarkProseOnly() {
  return (tree: MdastRoot) =>
    visitParents(tree, (node, ancestors) => {
      const line = node.position?.start.line ?? 1;
      const what = CODE_NODES[node.type];
      if (what) throw new StoryBodyCode(line, what);
      if (NESTING_NODES.has(node.type) && ancestors.filter((a) => NESTING_NODES.has(a.type)).length >= MAX_NESTING) throw new StoryBodyNesting(line);
    });
}

function processor(format: 'md' | 'mdx') {
  // No raw HTML passes (remark-rehype drops it unless told otherwise): a .md story is text too.
  return unified()
    .use(remarkParse)
    .use(format === 'mdx' ? [remarkMdx, remarkProseOnly] : [])
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSafeLinks)
    .use(rehypeBlockIds)
    .use(rehypeKeepWords)
    .use(rehypeStringify);
}

const processors = { md: processor('md'), mdx: processor('mdx') };

/** A story body as the content loader records it: its HTML and its numbered blocks. */
export interface RenderedStoryBody {
  html: string;
  blocks: StoryBlock[];
}

/**
 * Renders a story body (.mdx or .md), the words of `lexicon` kept whole on a line (thai-lines.ts).
 * Throws StoryBodyCode, StoryBodyNesting (.mdx), or the parser's error with its line.
 */
export function renderStoryBody(body: string, format: 'md' | 'mdx', lexicon: readonly string[] = []): RenderedStoryBody {
  const file = processors[format].processSync({ value: body, data: { lexicon } });
  return { html: String(file), blocks: file.data.blocks ?? [] };
}

/** The blocks the loader recorded for an entry (`rendered.metadata.blocks`). */
export function recordedBlocks(entry: { rendered?: { metadata?: Record<string, unknown> } }): StoryBlock[] {
  return (entry.rendered?.metadata?.['blocks'] as StoryBlock[] | undefined) ?? [];
}
