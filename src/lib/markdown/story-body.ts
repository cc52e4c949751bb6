import type { ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { dekRepeats } from '../say-once.ts';
import { visitParents } from 'unist-util-visit-parents';
import { LISTS, rehypeBlockIds, type StoryBlock } from './block-ids.ts';
import { rehypeKeepWords } from './keep-words.ts';
import { rehypeSafeLinks } from './safe-links.ts';

/**
 * Story bodies are prose: MDX's parser reads them (so they mean exactly what they mean in MDX), but
 * they may not hold components, expressions or imports (frontmatter-checks.ts says so with a fix). Prose
 * needs no JavaScript module per story: the body is turned into HTML once, when the content is
 * loaded, and the build cache keeps that HTML until the file changes (src/data/story-bodies.ts).
 * Compiling each story into a module instead (what @astrojs/mdx does for pages) cost minutes and
 * gigabytes at 10,000 stories.
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

/**
 * Where a numbered block's element lies in the body's HTML, as offsets into it: the element runs from
 * `start` to `end`, its content from `contentStart` to `contentEnd` (between its tags).
 */
export interface BlockPlace {
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

/** A numbered block as the content loader records it: what block-ids.ts found, and where it is in the HTML. */
export type RecordedBlock = StoryBlock & { place: BlockPlace };

/** A story body as the content loader records it: its HTML and its numbered blocks. */
export interface RenderedStoryBody {
  html: string;
  blocks: RecordedBlock[];
}

/**
 * What the loader records changes with this number: an entry stored by an older version of this code
 * (Astro's content cache outlives code changes) is rendered again.
 */
export const BODY_FORMAT = 5;

type Serialize = (node: RootContent) => string;

/**
 * The body's HTML, serialized piece by piece exactly as rehype-stringify serializes the whole tree
 * (one child after another), noting where each numbered block lands. Only these offsets are recorded:
 * pages cut the blocks out of the HTML they already have, rather than the store holding a second copy
 * of every body for 10,000 stories.
 */
function serializeWithPlaces(tree: HastRoot, serialize: Serialize): { html: string; places: BlockPlace[] } {
  const places: BlockPlace[] = [];
  const tagsOf = (node: ElementContent & { type: 'element' }) => {
    const close = `</${node.tagName}>`;
    return { open: serialize({ ...node, children: [] }).slice(0, -close.length), close };
  };
  const all = (nodes: readonly RootContent[], offset: number): string => {
    let html = '';
    for (const node of nodes) {
      const start = offset + html.length;
      if (node.type === 'element' && LISTS.has(node.tagName)) {
        // A list's items are blocks of their own (block-ids.ts).
        const { open, close } = tagsOf(node);
        html += open + all(node.children, start + open.length) + close;
        continue;
      }
      const piece = serialize(node);
      html += piece;
      if (node.type === 'element' && node.properties['dataBlock'] !== undefined) {
        const { open, close } = tagsOf(node);
        const end = start + piece.length;
        places[Number(node.properties['dataBlock']) - 1] = { start, contentStart: start + open.length, contentEnd: end - close.length, end };
      }
    }
    return html;
  };
  return { html: all(tree.children, 0), places };
}

/**
 * Renders a story body (.mdx or .md), the words of `lexicon` kept whole on a line (thai-lines.ts).
 * Throws StoryBodyCode, StoryBodyNesting (.mdx), or the parser's error with its line.
 */
export function renderStoryBody(body: string, format: 'md' | 'mdx', lexicon: readonly string[] = []): RenderedStoryBody {
  const process = processors[format];
  const file = new VFile({ value: body, data: { lexicon } });
  const tree = process.runSync(process.parse(file), file);
  const { html, places } = serializeWithPlaces(tree, (node) => process.stringify({ type: 'root', children: [node] }));
  const blocks = (file.data.blocks ?? []).map((block, i) => ({ ...block, place: places[i]! }));
  return { html, blocks };
}

/**
 * What the loader records for an entry in Astro's store, in `rendered.metadata`: the little that
 * pages need of every story's body (listings, the alignment check); the body itself is stored apart
 * (src/data/story-bodies.ts). Astro bundles the whole store into every build, so it holds answers
 * (does the dek repeat the first paragraph?) rather than the text they come from.
 */
export interface BodyOutline {
  format: number;
  /** The story's words to keep whole on a line (thai-lines.ts) that its headline or dek holds: what every page other than its own shows of it. */
  lexicon: string[];
  /** Each numbered block's kind, in order. */
  kinds: StoryBlock['kind'][];
  /** Whether the dek only repeats the headline or the first paragraph (say-once.ts), so pages leave it out. */
  dekRepeats: boolean;
}

export function outlineOf(body: RenderedStoryBody, lexicon: readonly string[], { title, summary }: { title: string; summary: string }): BodyOutline {
  return {
    format: BODY_FORMAT,
    lexicon: lexicon.filter((word) => title.includes(word) || summary.includes(word)),
    kinds: body.blocks.map((b) => b.kind),
    dekRepeats: dekRepeats(summary, title, body.blocks.find((b) => b.kind === 'p')?.text ?? ''),
  };
}

interface RecordedEntry {
  rendered?: { metadata?: Record<string, unknown> };
}

/** What the loader recorded for an entry, or null for an entry recorded by an older version of this code (see BODY_FORMAT). */
export function recordedOutline(entry: RecordedEntry): BodyOutline | null {
  const metadata = entry.rendered?.metadata;
  return metadata?.['format'] === BODY_FORMAT ? (metadata as unknown as BodyOutline) : null;
}

/** The body with `after(block)` added at the end of each block's content, before its closing tag. */
export function withBlockEnds(body: RenderedStoryBody, after: (block: RecordedBlock, n: number) => string): string {
  let html = '';
  let from = 0;
  body.blocks.forEach((block, i) => {
    html += body.html.slice(from, block.place.contentEnd) + after(block, i + 1);
    from = block.place.contentEnd;
  });
  return html + body.html.slice(from);
}

/** A block's element on its own, without its id (for a page that shows it where the id is taken); an item in a list of its own. */
export function blockAlone(body: RenderedStoryBody, block: RecordedBlock): string {
  const { start, contentStart, end } = block.place;
  // The attribute as hast-util-to-html writes it; a value holding a quote is escaped, so nothing else matches.
  const open = body.html.slice(start, contentStart).replace(` id="${block.id}"`, '');
  const element = open + body.html.slice(contentStart, end);
  return block.kind === 'li' ? `<ul>${element}</ul>` : element;
}
