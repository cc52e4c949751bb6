import type { Element, ElementContent, Root } from 'hast';
import { CONTINUE, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { KEEP_CLASS, lineParts } from '../thai-lines.ts';

/** Keeps a story's lexicon words whole on a line and ties ๆ to its word (see thai-lines.ts). */

/** Code is shown as written. */
const AS_WRITTEN = new Set(['code', 'pre']);

function partsToNodes(value: string, lexicon: readonly string[]): ElementContent[] {
  return lineParts(value, lexicon).map((part) =>
    part.keep
      ? { type: 'element', tagName: 'span', properties: { className: [KEEP_CLASS] }, children: [{ type: 'text', value: part.text }] }
      : { type: 'text', value: part.text },
  );
}

function keepWords(tree: Root, lexicon: readonly string[]): void {
  visitParents(tree, 'text', (node, ancestors) => {
    if (!node.value || ancestors.some((a) => a.type === 'element' && AS_WRITTEN.has(a.tagName))) return CONTINUE;
    const parent = ancestors.at(-1) as Root | Element;
    const index = parent.children.indexOf(node);
    const parts = partsToNodes(node.value, lexicon);
    parent.children.splice(index, 1, ...parts);
    // The new nodes are the text itself, cut: on to what follows them.
    return index + parts.length;
  });
}

/** The rehype plugin: the lexicon comes with the file (`file.data.lexicon`), since it is the story's own. */
export function rehypeKeepWords() {
  return (tree: Root, file: VFile) => {
    const lexicon = file.data['lexicon'];
    keepWords(tree, Array.isArray(lexicon) ? (lexicon as string[]) : []);
  };
}
