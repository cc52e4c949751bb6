/**
 * A problem in the content that an editor must fix. The message always names the file (and the line
 * and field when there is one) and what to do, so it reads well as the first line a person sees:
 * `path:line: field: what is wrong. Fix: …`, the form editors and their tools jump to.
 */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly problem: string;
  readonly fix: string;

  constructor(opts: { file: string; line?: number | undefined; field?: string | undefined; problem: string; fix: string }) {
    const where = opts.line ? `${opts.file}:${opts.line}` : opts.file;
    super(`${where}: ${opts.field ? `${opts.field}: ` : ''}${opts.problem}. Fix: ${opts.fix}`);
    this.name = 'ContentError';
    this.file = opts.file;
    this.line = opts.line;
    this.field = opts.field;
    this.problem = opts.problem;
    this.fix = opts.fix;
  }
}

/** Several content problems found at once: editors fix them all in one go rather than one per build. */
export class ContentErrors extends Error {
  readonly problems: ContentError[];

  constructor(errors: ContentError[]) {
    super(`${errors.length} content ${errors.length === 1 ? 'problem' : 'problems'} found:\n` + errors.map((e) => `  - ${e.message}`).join('\n'));
    this.name = 'ContentErrors';
    this.problems = errors;
    // The build prints an error's stack; for content, where in our code it was found helps no editor.
    this.stack = '';
  }

  /** Editors read a build's problems file by file, top to bottom. */
  static sorted(errors: ContentError[]): ContentErrors {
    return new ContentErrors([...errors].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0)));
  }
}
