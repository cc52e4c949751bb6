import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { blockId, rehypeBlockIds, type BlockKind } from './block-ids.ts';
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

interface MdastNode {
  type: string;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

function rejectCode(tree: MdastNode): void {
  const what = CODE_NODES[tree.type];
  if (what) throw new StoryBodyCode(tree.position?.start.line ?? 1, what);
  for (const child of tree.children ?? []) rejectCode(child);
}

/** The remark plugin that refuses MDX code in a story body. */
function remarkProseOnly() {
  return (tree: MdastRoot) => rejectCode(tree as MdastNode);
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
    .use(rehypeStringify);
}

const processors = { md: processor('md'), mdx: processor('mdx') };

/** The HTML of a story body (.mdx or .md). Throws StoryBodyCode, or the parser's error with its line. */
export function renderStoryBody(body: string, format: 'md' | 'mdx'): string {
  return String(processors[format].processSync(body));
}

/** A numbered block of a story body as the page shows it: its id (`b-5`), kind, plain text and line in the file. */
export interface StoryBlock {
  id: string;
  kind: BlockKind;
  text: string;
  /** 1-based line where the block starts, counted in the text given (a body parsed with its frontmatter blanked keeps the file's lines). */
  line: number;
}

interface HastNode {
  type: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  position?: { start: { line: number } };
}

function plainText(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(plainText).join('');
}

/**
 * The blocks of a story body, numbered exactly as on its page (the same parser and plugins as
 * renderStoryBody), so tools can point an editor at `#b-5` and at the line to edit.
 */
export function storyBlocks(body: string, format: 'md' | 'mdx'): StoryBlock[] {
  const processor = processors[format];
  const tree = processor.runSync(processor.parse(body)) as HastNode;
  const blocks: StoryBlock[] = [];
  const visit = (node: HastNode) => {
    const number = node.properties?.['dataBlock'];
    if (typeof number === 'string') {
      blocks.push({
        id: blockId(Number(number)),
        kind: node.properties?.['dataKind'] as BlockKind,
        text: plainText(node).replace(/\s+/g, ' ').trim(),
        line: node.position?.start.line ?? 1,
      });
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return blocks;
}
