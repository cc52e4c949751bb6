import { z } from 'astro/zod';
import { nonEmpty, text, timestamp, webUrl, yesNo } from './fields.ts';
import { MAX_TITLE_LENGTH } from '../lib/frontmatter-checks.ts';
import { sectionIds } from '../lib/sections.ts';
import { SLUG_PATTERN } from '../lib/story-model.ts';
import { decodeSitePath } from '../lib/urls.ts';

/**
 * A photo is a file the site serves itself: the CSP (src/lib/seo/csp.ts) loads images from the site
 * only, so an outside address would show a broken image. The loader checks that the file exists.
 */
const imageSrc = z
  .string()
  .refine((src) => src.startsWith('/') && !src.startsWith('//'), {
    message:
      'must be a path on this site, such as /images/putin.jpg. Fix: copy the photo into public/images/ and write its path from /images/ (the site shows no photos from other sites, and a data: address is not a path)',
  })
  .refine((src) => decodeSitePath(src) !== null, {
    message: 'has a "%" that begins no escape. Fix: write a percent sign in a file name as %25, or rename the photo without one',
  })
  // Checked as the browser will ask for it: %2e. and .%2E are ".." too.
  .refine((src) => !(decodeSitePath(src) ?? '').split(/[/\\]/).includes('..'), {
    message: 'must not contain "..". Fix: write the path from the site root, such as /images/putin.jpg',
  });

const image = z.strictObject({
  /** Path under public/; a story may carry only the caption of a photo it cannot show. */
  src: imageSrc.optional(),
  alt: z.string().optional(),
  caption: text('the caption under the photo'),
  credit: text('who took the photo, e.g. "Pavel Bednyakov / AFP"'),
});

const relatedStory = z.strictObject({
  title: nonEmpty,
  summary: z.string().optional(),
  url: webUrl.optional(),
});

const correction = z.strictObject({
  /** When the correction was made, in Bangkok time. */
  date: timestamp,
  text: text('what was wrong and what the story now says'),
});

const translation = z.strictObject({
  /** Who made the rendering: a person, a desk, or the machine translation service. */
  translator: text('who made the rendering, e.g. "Foreign news desk"'),
  machine: yesNo,
  reviewed: yesNo,
  reviewer: z.string().optional(),
});

/** The other reading of a file that lacks an original's fields: it is a rendering missing its block. */
const IF_RENDERING = 'if this file is a rendering, add its "translation" block instead (translator, machine, reviewed)';

/**
 * Fields that describe the story as a whole; they are written once, in the original. A rendering may
 * set its own byline and source: the credit as it reads in its language.
 */
const ORIGINAL_ONLY = ['section', 'sourceUrl', 'formerSlugs'] as const;

export const articleSchema = z
  .strictObject({
    title: text('the headline').refine((t) => t.length <= MAX_TITLE_LENGTH, {
      message: `is longer than ${MAX_TITLE_LENGTH} characters. Fix: shorten the headline; put the rest in the summary or the story`,
    }),
    /** The dek: one or two sentences under the headline, shown on listings. */
    summary: text('the dek, one or two sentences under the headline'),
    published: timestamp.optional(),
    updated: timestamp.optional(),
    section: z.enum(sectionIds, { message: `is not a section of the site. Fix: use one of: ${sectionIds.join(', ')}` }).optional(),
    tags: z.array(nonEmpty, { error: 'must be a list. Fix: write it as [รัสเซีย, จีน]' }).default([]),
    /** News agency or issuing office, e.g. "AFP" or "สำนักโฆษก". */
    source: z.string().trim().min(1).optional(),
    /** Where the agency published it. */
    sourceUrl: webUrl.optional(),
    byline: z.string().trim().min(1).optional(),
    image: image.optional(),
    related: z.array(relatedStory).default([]),
    /** Corrections of this version, each with its date; the page lists them and the feeds mark the story updated. */
    corrections: z.array(correction, { error: 'must be a list of entries with "date" and "text"' }).default([]),
    /** Slugs the story was published under before its folder was renamed: each old address leads to it. */
    formerSlugs: z
      .array(
        z.string().regex(SLUG_PATTERN, {
          message: 'is not a slug. Fix: write the old folder name as it was in the address, e.g. putin-visits-china (lowercase letters, digits, hyphens)',
        }),
        { error: 'must be a list. Fix: write it as [old-slug]' },
      )
      .optional(),
    /** Present only on a rendering: the file is a translation of the story's original. */
    translation: translation.optional(),
  })
  .superRefine((data, ctx) => {
    data.corrections.forEach((c, index) => {
      if (data.published && c.date < data.published) {
        ctx.addIssue({ code: 'custom', path: ['corrections', index, 'date'], message: 'is earlier than "published": a correction follows publication' });
      }
    });
    if (data.translation) {
      for (const field of ORIGINAL_ONLY) {
        if (data[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            // Which file is wrong depends on the story: a rendering carrying the field, or an original carrying a translation block.
            message: `is story-wide, but this file has a "translation" block, which makes it a rendering. Fix: if this file is the story's original, remove its "translation" block; if it is the rendering, remove "${field}" (the rendering takes it from the original)`,
          });
        }
      }
      return;
    }
    if (!data.published) {
      ctx.addIssue({
        code: 'custom',
        path: ['published'],
        message: `is required in an original (this file has no "translation" block). Fix: add published: 2025-03-05T10:00:00+07:00; ${IF_RENDERING}`,
      });
    }
    if (!data.section) {
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: `is required in an original (this file has no "translation" block). Fix: add one of: ${sectionIds.join(', ')}; ${IF_RENDERING}`,
      });
    }
    if (!data.source && !data.byline) {
      ctx.addIssue({
        code: 'custom',
        path: ['byline'],
        message: `is missing: every original credits someone. Fix: set "byline" (writer or desk), "source" (agency), or both; ${IF_RENDERING}`,
      });
    }
    if (data.updated && data.published && data.updated < data.published) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: 'is earlier than "published". Fix: correct one of the two dates (an update comes after publication)',
      });
    }
  });

/** A story file's frontmatter once checked: what pages, feeds and listings read. */
export type ArticleData = z.output<typeof articleSchema>;
/** A story file's frontmatter as written (timestamps may be text): what the importer writes. */
export type ArticleFrontmatter = z.input<typeof articleSchema>;

/** The fields a frontmatter object may have, by where it sits, for "did you mean" on a misspelt field. */
export function knownFields(path: readonly PropertyKey[]): readonly string[] {
  const shapes: Record<string, z.ZodObject> = { image, translation, related: relatedStory };
  return Object.keys((shapes[String(path[0])] ?? articleSchema).shape);
}
