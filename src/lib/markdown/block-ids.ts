/**
 * Numbers the blocks of an article body (paragraphs, headings, quotes, list items) so that the
 * nth block of a Thai original and the nth block of its rendering share an id: b-1, b-2, … That id
 * is what the language switch lands on and what the side-by-side view pairs.
 */

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const NUMBERED = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'figure']);
const LISTS = new Set(['ul', 'ol']);

export function blockId(n: number): string {
  return `b-${n}`;
}

/** The kind of each numbered block, in order: what the alignment check compares across languages. */
export type BlockKind = 'p' | 'h' | 'quote' | 'li' | 'other';

export function kindOf(tagName: string): BlockKind {
  if (tagName === 'p') return 'p';
  if (/^h[2-6]$/.test(tagName)) return 'h';
  if (tagName === 'blockquote') return 'quote';
  if (tagName === 'li') return 'li';
  return 'other';
}

export function numberBlocks(tree: HastNode): void {
  let n = 0;
  const number = (node: HastNode) => {
    n += 1;
    node.properties = { ...node.properties, id: blockId(n), dataBlock: String(n), dataKind: kindOf(node.tagName ?? '') };
  };
  for (const node of tree.children ?? []) {
    if (node.type !== 'element' || !node.tagName) continue;
    if (NUMBERED.has(node.tagName)) number(node);
    else if (LISTS.has(node.tagName)) for (const item of node.children ?? []) if (item.type === 'element' && item.tagName === 'li') number(item);
  }
}

/** The rehype plugin. */
export function rehypeBlockIds() {
  return (tree: HastNode) => numberBlocks(tree);
}
