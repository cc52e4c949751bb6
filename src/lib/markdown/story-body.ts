import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeBlockIds } from './block-ids.ts';
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

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastNode[];
}

function textOf(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

/** Records the text of the first paragraph (file.data.leadText): the page compares the dek with it. */
function rehypeLeadText() {
  return (tree: HastNode, file: { data: Record<string, unknown> }) => {
    const first = tree.children?.find((node) => node.type === 'element' && node.tagName === 'p');
    file.data['leadText'] = first ? textOf(first) : '';
  };
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
    .use(rehypeLeadText)
    .use(rehypeKeepWords)
    .use(rehypeStringify);
}

const processors = { md: processor('md'), mdx: processor('mdx') };

/**
 * The HTML of a story body (.mdx or .md), the words of `lexicon` kept whole on a line (thai-lines.ts).
 * Throws StoryBodyCode, or the parser's error with its line.
 */
export function renderStoryBody(body: string, format: 'md' | 'mdx', lexicon: readonly string[] = []): string {
  return renderStory(body, format, lexicon).html;
}

/** The body's HTML and the plain text of its first paragraph. */
export function renderStory(body: string, format: 'md' | 'mdx', lexicon: readonly string[] = []): { html: string; leadText: string } {
  const file = processors[format].processSync({ value: body, data: { lexicon } });
  const leadText = file.data['leadText'];
  return { html: String(file), leadText: typeof leadText === 'string' ? leadText : '' };
}
