import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';

/**
 * Numbers the blocks of an article body (paragraphs, headings, quotes, list items) so that the
 * nth block of a Thai original and the nth block of its rendering share an id: b-1, b-2, … That id
 * is what the language switch lands on and what the side-by-side view pairs.
 */

const NUMBERED = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'figure']);
/** Lists: not blocks themselves; each of their items is one. */
export const LISTS = new Set(['ul', 'ol']);

export function blockId(n: number): string {
  return `b-${n}`;
}

/** The kind of each numbered block, in order: what the alignment check compares across languages. */
export type BlockKind = 'p' | 'h' | 'quote' | 'li' | 'other';

/**
 * One numbered block as the content loader records it, so that later steps (alignment, side by side,
 * rendering check, search) read the story as it was parsed once instead of parsing it again.
 */
export interface StoryBlock {
  /** The element id shared by both languages, e.g. "b-3". */
  id: string;
  kind: BlockKind;
  /** The block's text as a reader sees it, on one line. */
  text: string;
  /** 1-based line where the block starts in the text parsed (a body parsed with its frontmatter blanked keeps the file's lines). */
  line: number;
}

export function kindOf(tagName: string): BlockKind {
  if (tagName === 'p') return 'p';
  if (/^h[2-6]$/.test(tagName)) return 'h';
  if (tagName === 'blockquote') return 'quote';
  if (tagName === 'li') return 'li';
  return 'other';
}

/** Numbers the top-level blocks (and each item of a top-level list) in place; returns them in order. */
export function numberBlocks(tree: Root | Element): StoryBlock[] {
  const blocks: StoryBlock[] = [];
  const number = (node: Element) => {
    const id = blockId(blocks.length + 1);
    const kind = kindOf(node.tagName);
    node.properties = { ...node.properties, id, dataBlock: String(blocks.length + 1), dataKind: kind };
    blocks.push({ id, kind, text: toText(node).replace(/\s+/g, ' ').trim(), line: node.position?.start.line ?? 1 });
  };
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (NUMBERED.has(node.tagName)) number(node);
    else if (LISTS.has(node.tagName)) for (const item of node.children) if (item.type === 'element' && item.tagName === 'li') number(item);
  }
  return blocks;
}

declare module 'vfile' {
  interface DataMap {
    /** The numbered blocks of the document (rehypeBlockIds). */
    blocks: StoryBlock[];
  }
}

/** The rehype plugin; the blocks are left in the file's data for whoever processed it. */
export function rehypeBlockIds() {
  return (tree: Root, file: VFile) => {
    file.data.blocks = numberBlocks(tree);
  };
}
