import { isMap, isNode, isScalar, parseDocument, visit, type Document } from 'yaml';
import { BUDDHIST_ERA_OFFSET, EARLIEST_YEAR, LATEST_YEAR, TIMESTAMP_WITH_OFFSET, timestampProblem } from './dates.ts';
import { ContentError } from './content-errors.ts';
import { MAX_NESTING } from './markdown/story-body.ts';
import { decodeUtf8, findControlCharacter, INVISIBLE } from './unicode.ts';

const TIMESTAMP_FIELDS = ['published', 'updated'] as const;
/** More indentation than MAX_NESTING levels of lists can need (each level takes at most 4 columns, plus a paragraph's 4). */
const MAX_INDENT = 4 * (MAX_NESTING + 1);
/** A headline longer than this is a paste gone wrong (a paragraph, a whole story), not a headline. */
export const MAX_TITLE_LENGTH = 300;
/** Above this a story is still published, with a warning: nobody reads 5 MB of news, and builds slow down. */
export const LARGE_STORY_BYTES = 1_000_000;
/** A date this far ahead is probably a typing error (2026 for 2025), though an embargoed story may mean it. */
const FUTURE_MARGIN_MS = 24 * 60 * 60 * 1000;

/** A story file split at its frontmatter; lines are the file's own, 1-based. */
export interface SplitFile {
  frontmatter: string | null;
  body: string;
  /** The file line on which the body starts. */
  bodyLine: number;
}

/**
 * Splits a story file at its frontmatter's `---` lines, keeping file line numbers for messages. The one
 * place story files are split (the content loader, the importer, the rendering check and the tests all
 * use it); a regular expression, as Astro's own split is, with the frontmatter then parsed by `yaml`.
 */
export function splitFile(raw: string): SplitFile {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!match) return { frontmatter: null, body: raw, bodyLine: 1 };
  return { frontmatter: match[1]!, body: raw.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/**
 * The text of a story file, or why it cannot be one: bytes that are not UTF-8 (a file saved as TIS-620
 * or Windows-1252) or control characters would otherwise publish as "�" or vanish without a word.
 */
export function decodeStoryFile(bytes: Uint8Array, file: string): { text: string } | { error: ContentError } {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return {
      error: new ContentError({
        file,
        line: decoded.position.line,
        problem: `column ${decoded.position.column} has bytes that are not UTF-8 (${decoded.bytes}); the file was probably saved as TIS-620, Windows-874 or Windows-1252`,
        fix: 'save the file as UTF-8 in your editor (or run it through the importer, which converts those encodings), then check the characters on that line',
      }),
    };
  }
  const control = findControlCharacter(decoded.text);
  if (control) {
    return {
      error: new ContentError({
        file,
        line: control.line,
        problem: `column ${control.column} holds the control character ${control.code}, which is not text`,
        fix: 'delete it (it is invisible in most editors: retype the characters around it), and check the file was not damaged in copying',
      }),
    };
  }
  return { text: decoded.text };
}

/** The file line of a frontmatter field (a path such as ["image", "credit"] or ["related", 0, "url"]), or of the nearest field that holds it. */
export function fieldLine(doc: Document, frontmatterText: string, path: readonly PropertyKey[]): number {
  // The opening "---" is line 1, so the frontmatter's first line is line 2.
  const lineAt = (offset: number) => frontmatterText.slice(0, offset).split('\n').length + 1;
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      // The key's line reads better than a value that starts on the next line (a nested block).
      const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1) as unknown[], true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[depth - 1]);
        if (pair && isScalar(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
      }
      return lineAt((node.range as number[])[0]!);
    }
  }
  return 1;
}

/**
 * YAML turns `published: 2025-03-05` into midnight UTC without a word, which would date a story
 * 07:00 Bangkok time, and `new Date()` rolls 2025-02-30 over into March. The raw line is checked.
 */
export function checkTimestampLines(rawFile: string, file: string, now: Date): { errors: ContentError[]; warnings: string[] } {
  const frontmatter = splitFile(rawFile).frontmatter ?? '';
  const errors: ContentError[] = [];
  const warnings: string[] = [];
  for (const field of TIMESTAMP_FIELDS) {
    const match = new RegExp(`^${field}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(frontmatter);
    if (!match) continue;
    const line = frontmatter.slice(0, match.index).split('\n').length + 1;
    const value = (match[1] ?? '').replace(/^(['"])(.*)\1$/, '$2');
    if (!TIMESTAMP_WITH_OFFSET.test(value)) {
      errors.push(
        new ContentError({
          file,
          line,
          field,
          problem: `"${value}" is not a date and time with a UTC offset`,
          fix: 'write it as 2025-03-05T10:00:00+07:00 (Bangkok time, with the offset)',
        }),
      );
      continue;
    }
    const problem = timestampProblem(value);
    if (problem) {
      const year = Number(value.slice(0, 4));
      const buddhist =
        year >= EARLIEST_YEAR + BUDDHIST_ERA_OFFSET && year <= LATEST_YEAR + BUDDHIST_ERA_OFFSET
          ? `; ${value.slice(0, 4)} looks like a Buddhist-era year: write the Common Era year (${year - BUDDHIST_ERA_OFFSET})`
          : '';
      errors.push(new ContentError({ file, line, field, problem: `"${value}" ${problem}`, fix: `correct the date${buddhist}` }));
      continue;
    }
    if (new Date(value.replace(' ', 'T')).getTime() > now.getTime() + FUTURE_MARGIN_MS) {
      warnings.push(
        `${file}:${line}: ${field}: "${value}" is more than a day in the future; the story is published with that date (check the year if it is not an embargo)`,
      );
    }
  }
  return { errors, warnings };
}

/** YAML errors found where an unclosed quote or bracket ends (lines later), not where it opens. */
const NOTICED_LATE = new Set(['MISSING_CHAR', 'BAD_INDENT']);

/** The file line of the innermost field whose value runs up to `offset` in the frontmatter, if any. */
function fieldHolding(doc: Document, frontmatterText: string, offset: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      const from = isNode(pair.key) ? pair.key.range?.[0] : undefined;
      const to = isNode(pair.value) ? pair.value.range?.[2] : undefined;
      // Visited outside in: the last pair that holds the point is the innermost. A pair starting at
      // the point is where the parser noticed, not the broken one.
      if (from !== undefined && to !== undefined && from < offset && offset <= to) start = from;
    },
  });
  // The opening "---" is line 1, so the frontmatter's first line is line 2.
  return start === undefined ? undefined : frontmatterText.slice(0, start).split('\n').length + 1;
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
export function checkFileText(raw: string, file: string, now: Date): { errors: ContentError[]; warnings: string[]; yaml: Document | null } {
  const errors: ContentError[] = [];
  const warnings: string[] = [];
  const { frontmatter, body, bodyLine } = splitFile(raw);
  if (frontmatter === null) {
    errors.push(
      new ContentError({
        file,
        line: 1,
        problem: 'the file does not start with a frontmatter block',
        fix: 'begin it with a line "---", the fields (title, summary, …), and another line "---"',
      }),
    );
    return { errors, warnings, yaml: null };
  }
  // YAML 1.2, as the `yaml` package reads it: timestamps stay text (checked below), "no" stays a word.
  const yaml = parseDocument(frontmatter, { prettyErrors: true });
  const yamlError = yaml.errors[0];
  if (yamlError) {
    const parserLine = (yamlError.linePos?.[0].line ?? 1) + 1;
    const line = NOTICED_LATE.has(yamlError.code) ? (fieldHolding(yaml, frontmatter, yamlError.pos[0]) ?? parserLine) : parserLine;
    errors.push(
      new ContentError({
        file,
        line,
        problem: `the frontmatter is not valid YAML (${yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')})`,
        fix: 'check the indentation and the quotes on this line and the one before; a value containing ": " or starting with a quote or [ must be quoted as a whole',
      }),
    );
  }
  const times = checkTimestampLines(raw, file, now);
  errors.push(...times.errors);
  warnings.push(...times.warnings);
  if (body.replace(INVISIBLE, '').trim() === '') {
    errors.push(
      new ContentError({
        file,
        line: bodyLine,
        problem: 'the story has no text after its frontmatter (invisible characters do not count)',
        fix: 'add the paragraphs of the story, separated by blank lines',
      }),
    );
  }
  let deepIndentReported = false;
  body.split('\n').forEach((text, i) => {
    const line = bodyLine + i;
    const prose = withoutCode(text);
    const indent = /^[ \t]*/.exec(text)![0].replace(/\t/g, '    ').length;
    if (indent > MAX_INDENT) {
      // One message for a deeply indented block: the lines after the first say nothing new.
      if (deepIndentReported) return;
      deepIndentReported = true;
      // Checked before parsing: the parser's time grows steeply with depth (a minute for 1,000 levels).
      errors.push(
        new ContentError({
          file,
          line,
          problem: `the line is indented ${indent} spaces, which Markdown reads as lists or quotes nested more than ${MAX_NESTING} levels deep`,
          fix: `remove the indentation (paragraphs start at the beginning of the line), or nest lists at most ${MAX_NESTING} levels`,
        }),
      );
    } else if (/^(import|export)\s/.test(prose)) {
      errors.push(
        new ContentError({
          file,
          line,
          problem: `the line starts with "${prose.split(/\s/)[0]}", which MDX runs as code`,
          fix: 'reword the line, or write &#105;mport / &#101;xport to keep the word',
        }),
      );
    } else if (/(^|[^\\])[{}]/.test(prose)) {
      errors.push(
        new ContentError({ file, line, problem: 'the line has a brace, which MDX reads as an expression', fix: 'write \\{ and \\} for literal braces' }),
      );
    } else if (/(^|[^\\])<\/?[A-Za-z!]/.test(prose)) {
      errors.push(
        new ContentError({
          file,
          line,
          problem: 'the line has "<" before a letter, which MDX reads as a tag',
          fix: 'write \\< for a literal "<" (stories are text: no HTML or components)',
        }),
      );
    }
  });
  warnings.push(...sizeWarnings(raw, file));
  return { errors, warnings, yaml };
}

function sizeWarnings(raw: string, file: string): string[] {
  const bytes = Buffer.byteLength(raw);
  return bytes > LARGE_STORY_BYTES
    ? [`${file}: the story is ${(bytes / 1_000_000).toFixed(1)} MB; it is published, but consider splitting it: readers and the build both slow down`]
    : [];
}

/**
 * The warnings checkFileText gives a file that passed it: for a file whose text an earlier build
 * with the same code already checked, without parsing it again. Dates are checked against `now`
 * every time, since a date in the future becomes a date in the past.
 */
export function checkedFileWarnings(raw: string, file: string, now: Date): string[] {
  return [...checkTimestampLines(raw, file, now).warnings, ...sizeWarnings(raw, file)];
}

/** What the loader needs of a schema issue (zod's shape, without depending on zod here). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** Letters to change to turn one field name into another, for "did you mean". */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * Schema issues as editors read them: `path:line: field: what is wrong. Fix: …`. Messages written
 * as "problem. Fix: fix" are split there; an unknown field gets the closest known one.
 */
export function schemaErrors(
  issues: readonly SchemaIssue[],
  file: string,
  doc: Document,
  frontmatterText: string,
  knownFields: (path: readonly PropertyKey[]) => readonly string[],
): ContentError[] {
  const errors: ContentError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) {
        const path = [...issue.path, key];
        const known = knownFields(issue.path);
        const closest = [...known].sort((a, b) => editDistance(key, a) - editDistance(key, b))[0];
        const guess = closest && editDistance(key, closest) <= Math.max(2, Math.floor(key.length / 3)) ? `did you mean "${closest}"? ` : '';
        errors.push(
          new ContentError({
            file,
            line: fieldLine(doc, frontmatterText, path),
            field: path.join('.'),
            problem: `"${key}" is not a field${issue.path.length > 0 ? ` of ${issue.path.join('.')}` : ' of a story'}`,
            fix: `${guess}correct the name or remove the line; the fields are: ${known.join(', ')}`,
          }),
        );
      }
      continue;
    }
    const [problem, fix] = issue.message.split('. Fix: ');
    errors.push(
      new ContentError({
        file,
        line: fieldLine(doc, frontmatterText, issue.path),
        field: issue.path.join('.') || undefined,
        problem: problem ?? issue.message,
        fix: fix ?? 'correct the value (the fields are described in README.md, "Adding an article")',
      }),
    );
  }
  return errors;
}
