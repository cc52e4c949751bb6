import { parseDocument } from 'yaml';
import { TIMESTAMP_WITH_OFFSET } from './dates.ts';
import { ContentError } from './content-errors.ts';

const TIMESTAMP_FIELDS = ['published', 'updated'] as const;
/** Above this a story is still published, with a warning: nobody reads 5 MB of news, and builds slow down. */
export const LARGE_STORY_BYTES = 1_000_000;

function splitFile(raw: string): { frontmatter: string | null; body: string; bodyLine: number } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!match) return { frontmatter: null, body: raw, bodyLine: 1 };
  return { frontmatter: match[1]!, body: raw.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/**
 * YAML turns `published: 2025-03-05` into midnight UTC without a word, which would date a story
 * 07:00 Bangkok time. The parsed value cannot tell, so the raw frontmatter line is checked.
 */
export function checkTimestampLines(rawFile: string, file: string): ContentError[] {
  const frontmatter = splitFile(rawFile).frontmatter ?? '';
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

/** The text of a body line with inline code spans blanked, so `{` inside backticks is not reported. */
function withoutCode(line: string): string {
  return line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
}

/**
 * A story body is prose. MDX would read a brace as code, a `<` before a letter as a tag, and
 * import/export at a line start as a module: each fails the build later with a stack trace, or
 * worse, runs. These are caught first, with the line and the fix.
 */
export function checkFileText(raw: string, file: string): { errors: ContentError[]; warnings: string[] } {
  const errors: ContentError[] = [];
  const warnings: string[] = [];
  const { frontmatter, body, bodyLine } = splitFile(raw);
  if (frontmatter === null) {
    errors.push(new ContentError({ file, problem: 'the file does not start with a frontmatter block', fix: 'begin it with a line "---", the fields (title, summary, …), and another line "---"' }));
    return { errors, warnings };
  }
  const yaml = parseDocument(frontmatter, { prettyErrors: false });
  const yamlError = yaml.errors[0];
  if (yamlError) {
    // Line in the file: the opening "---" is line 1, the frontmatter starts on line 2.
    const line = frontmatter.slice(0, yamlError.pos[0]).split('\n').length + 1;
    errors.push(
      new ContentError({
        file,
        problem: `the frontmatter is not valid YAML at line ${line} (${yamlError.message.split('\n')[0]})`,
        fix: 'check the indentation and the quotes on that line; a value containing ": " or starting with a quote or [ must be quoted as a whole',
      }),
    );
  }
  errors.push(...checkTimestampLines(raw, file));
  if (body.trim() === '') {
    errors.push(new ContentError({ file, problem: 'the story has no text after its frontmatter', fix: 'add the paragraphs of the story, separated by blank lines' }));
  }
  body.split('\n').forEach((text, i) => {
    const line = bodyLine + i;
    const prose = withoutCode(text);
    if (/^(import|export)\s/.test(prose)) {
      errors.push(new ContentError({ file, problem: `line ${line} starts with "${prose.split(/\s/)[0]}", which MDX runs as code`, fix: 'reword the line, or write &#105;mport / &#101;xport to keep the word' }));
    } else if (/(^|[^\\])[{}]/.test(prose)) {
      errors.push(new ContentError({ file, problem: `line ${line} has a brace, which MDX reads as an expression`, fix: 'write \\{ and \\} for literal braces' }));
    } else if (/(^|[^\\])<\/?[A-Za-z!]/.test(prose)) {
      errors.push(new ContentError({ file, problem: `line ${line} has "<" before a letter, which MDX reads as a tag`, fix: 'write \\< for a literal "<" (stories are text: no HTML or components)' }));
    }
  });
  const bytes = Buffer.byteLength(raw);
  if (bytes > LARGE_STORY_BYTES) warnings.push(`${file}: the story is ${(bytes / 1_000_000).toFixed(1)} MB; it is published, but consider splitting it: readers and the build both slow down`);
  return { errors, warnings };
}
