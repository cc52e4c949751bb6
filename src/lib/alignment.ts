import type { BlockKind } from './markdown/block-ids.ts';

export interface AlignmentProblem {
  /** 1-based number of the first block that has no counterpart of the same kind. */
  block: number;
  original: BlockKind | null;
  rendering: BlockKind | null;
}

/**
 * A rendering lines up with its original when it has the same blocks in the same order: the nth
 * paragraph (heading, list item, quote) of one is the counterpart of the nth of the other.
 * Returns the first place where that breaks, or null.
 */
export function findMisalignment(original: readonly BlockKind[], rendering: readonly BlockKind[]): AlignmentProblem | null {
  const length = Math.max(original.length, rendering.length);
  for (let i = 0; i < length; i++) {
    if (original[i] !== rendering[i]) return { block: i + 1, original: original[i] ?? null, rendering: rendering[i] ?? null };
  }
  return null;
}

export function describeMisalignment(slug: string, originalFile: string, renderingFile: string, problem: AlignmentProblem): string {
  const name = (kind: BlockKind | null) =>
    kind === null
      ? 'nothing'
      : kind === 'p'
        ? 'a paragraph'
        : kind === 'h'
          ? 'a heading'
          : kind === 'li'
            ? 'a list item'
            : kind === 'quote'
              ? 'a quote'
              : 'a block';
  return (
    `${slug}: ${renderingFile} does not line up with ${originalFile} from block ${problem.block} on ` +
    `(the original has ${name(problem.original)} there, the rendering ${name(problem.rendering)}). ` +
    `Readers switching language or reading side by side lose their place after it; split or join paragraphs so each has its counterpart.`
  );
}
