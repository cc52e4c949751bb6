import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError, ContentErrors } from './content-errors.ts';

/**
 * Small editor-kept YAML files beside the stories (content/desks.yaml, content/topics.yaml): a list
 * of entries, each checked against its schema. Every problem is reported at once, with the file,
 * the entry's number and its field, and the build stops.
 */
export function parseListFile<S extends z.ZodType>(text: string, file: string, schema: S, example: string): z.output<S>[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new ContentErrors([
      new ContentError({
        file,
        line: yamlError.linePos?.[0].line,
        problem: `the file is not valid YAML (${yamlError.message.split('\n')[0]})`,
        fix: `write a list of entries, e.g.\n${example}`,
      }),
    ]);
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    throw new ContentErrors([
      new ContentError({ file, line: 1, problem: 'the file is not a list of entries', fix: `start each entry with "- ", e.g.\n${example}` }),
    ]);
  }
  /** The line of a field of an entry, else of the entry itself. */
  const lineOf = (path: unknown[]) => {
    const node = doc.getIn(path, true) ?? doc.getIn(path.slice(0, 1), true);
    return isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined;
  };
  const errors: ContentError[] = [];
  const entries: z.output<S>[] = [];
  data.forEach((item: unknown, index) => {
    const result = schema.safeParse(item);
    if (result.success) {
      entries.push(result.data as z.output<S>);
      return;
    }
    for (const issue of result.error.issues) {
      const path = [index, ...issue.path];
      const missing = issue.path.length > 0 && doc.getIn(path) === undefined;
      errors.push(
        new ContentError({
          file,
          line: lineOf(path),
          field: [`entry ${index + 1}`, ...issue.path.map(String)].join('.'),
          problem: missing ? 'is missing' : issue.message,
          fix: `each entry looks like:\n${example}`,
        }),
      );
    }
  });
  if (errors.length > 0) throw ContentErrors.sorted(errors);
  return entries;
}
