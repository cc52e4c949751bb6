/**
 * A problem in the content that an editor must fix. The message always names the file, the field
 * and what to do, so it reads well as the first line a person sees.
 */
export class ContentError extends Error {
  readonly file: string;
  readonly field: string | undefined;
  readonly fix: string;

  constructor(opts: { file: string; field?: string; problem: string; fix: string }) {
    const where = opts.field ? `${opts.file}: field "${opts.field}"` : opts.file;
    super(`${where}: ${opts.problem}. Fix: ${opts.fix}`);
    this.name = 'ContentError';
    this.file = opts.file;
    this.field = opts.field;
    this.fix = opts.fix;
  }
}

/** Several content problems found at once: editors fix them all in one go rather than one per build. */
export class ContentErrors extends Error {
  readonly problems: ContentError[];

  constructor(errors: ContentError[]) {
    super(
      `${errors.length} content ${errors.length === 1 ? 'problem' : 'problems'} found:\n` +
        errors.map((e) => `  - ${e.message}`).join('\n'),
    );
    this.name = 'ContentErrors';
    this.problems = errors;
  }
}
