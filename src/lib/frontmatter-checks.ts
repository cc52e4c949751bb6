import { TIMESTAMP_WITH_OFFSET } from './dates.ts';
import { ContentError } from './content-errors.ts';

const TIMESTAMP_FIELDS = ['published', 'updated'] as const;

/**
 * YAML turns `published: 2025-03-05` into midnight UTC without a word, which would date a story
 * 07:00 Bangkok time. The parsed value cannot tell, so the raw frontmatter line is checked.
 */
export function checkTimestampLines(rawFile: string, file: string): ContentError[] {
  const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(rawFile)?.[1] ?? '';
  const errors: ContentError[] = [];
  for (const field of TIMESTAMP_FIELDS) {
    const line = new RegExp(`^${field}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(frontmatter);
    if (!line) continue;
    const value = (line[1] ?? '').replace(/^(['"])(.*)\1$/, '$2');
    if (!TIMESTAMP_WITH_OFFSET.test(value)) {
      errors.push(
        new ContentError({
          file,
          field,
          problem: `"${value}" is not a date and time with a UTC offset`,
          fix: `write it as 2025-03-05T10:00:00+07:00 (Bangkok time, with the offset)`,
        }),
      );
    }
  }
  return errors;
}
