import type { VFile } from 'vfile';
import { KEEP_CLASS, lineParts } from '../thai-lines.ts';

/** Keeps a story's lexicon words whole on a line and ties ๆ to its word (see thai-lines.ts). */

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Code is shown as written. */
const AS_WRITTEN = new Set(['code', 'pre']);

function partsToNodes(value: string, lexicon: readonly string[]): HastNode[] {
  return lineParts(value, lexicon).map((part) =>
    part.keep
      ? { type: 'element', tagName: 'span', properties: { className: [KEEP_CLASS] }, children: [{ type: 'text', value: part.text }] }
      : { type: 'text', value: part.text },
  );
}

function keepWords(node: HastNode, lexicon: readonly string[]): void {
  if (!node.children || AS_WRITTEN.has(node.tagName ?? '')) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'text' && child.value) return partsToNodes(child.value, lexicon);
    keepWords(child, lexicon);
    return [child];
  });
}

/** The rehype plugin: the lexicon comes with the file (`file.data.lexicon`), since it is the story's own. */
export function rehypeKeepWords() {
  return (tree: HastNode, file: VFile) => {
    const lexicon = file.data['lexicon'];
    keepWords(tree, Array.isArray(lexicon) ? (lexicon as string[]) : []);
  };
}
