import { z } from 'astro/zod';
import { TIMESTAMP_WITH_OFFSET, timestampProblem } from '../lib/dates.ts';

/** Field types shared by the schemas of story files and of the list files beside them; each message says what to write. */

/**
 * A timestamp with its UTC offset, on a real calendar day (2025-02-30 does not roll over into March).
 * The loader parses frontmatter as YAML 1.2, which leaves timestamps as text, so the text is checked.
 */
export const timestamp = z
  .union([
    z.date(),
    z
      .string()
      .regex(TIMESTAMP_WITH_OFFSET, {
        message: 'must be a date and time with its offset. Fix: write it as 2025-03-05T10:00:00+07:00 (Bangkok time)',
      })
      .refine((s) => timestampProblem(s) === null, { message: 'is not a real date. Fix: correct the day, month or year' })
      .transform((s) => new Date(s)),
  ])
  .refine((d) => !Number.isNaN(d.getTime()), { message: 'is not a real date. Fix: correct the day, month or year' });

export const nonEmpty = z.string().trim().min(1, { message: 'must not be empty. Fix: write the text, or remove the line' });

/** A required text field whose messages say what to write. */
export const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is missing. Fix: add ${what}` : `must be text. Fix: write ${what}`) })
    .trim()
    .min(1, { message: `must not be empty. Fix: write ${what}` });
export const yesNo = z.boolean({ error: 'must be true or false. Fix: write true or false (without quotes)' });

/** Links in frontmatter lead readers off the site: only http(s) addresses are allowed. */
export const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address. Fix: write the full address, starting with https://' });
