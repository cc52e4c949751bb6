import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError, ContentErrors } from './content-errors.ts';

/**
 * Small editor-kept YAML files beside the stories (content/desks.yaml, content/topics.yaml): a list
 * of entries, each checked against its schema. Every problem is reported at once, with the file,
 * the entry's number and its field, and the build stops.
 */
export function parseListFile<S extends z.ZodType>(text: string, file: string, schema: S, example: string): z.output<S>[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}: ` : '';
    throw new ContentErrors([
      new ContentError({
        file,
        problem: `the file is not valid YAML (${line}${(error as Error).message.split('\n')[0]})`,
        fix: `write a list of entries, e.g.\n${example}`,
      }),
    ]);
  }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    throw new ContentErrors([new ContentError({ file, problem: 'the file is not a list of entries', fix: `start each entry with "- ", e.g.\n${example}` })]);
  }
  const errors: ContentError[] = [];
  const entries: z.output<S>[] = [];
  data.forEach((item: unknown, index) => {
    const result = schema.safeParse(item);
    if (result.success) {
      entries.push(result.data as z.output<S>);
      return;
    }
    for (const issue of result.error.issues) {
      const field = [`entry ${index + 1}`, ...issue.path.map(String)].join('.');
      errors.push(new ContentError({ file, field, problem: issue.message, fix: `each entry looks like:\n${example}` }));
    }
  });
  if (errors.length > 0) throw new ContentErrors(errors);
  return entries;
}
