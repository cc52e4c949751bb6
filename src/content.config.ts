import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { TIMESTAMP_WITH_OFFSET } from './lib/dates.ts';
import { sectionIds } from './lib/sections.ts';
import { articlesDir } from './content-location.ts';
import { ContentErrors } from './lib/content-errors.ts';
import { checkTimestampLines } from './lib/frontmatter-checks.ts';
import { buildStories, type StoryFileData } from './lib/stories.ts';

/**
 * A timestamp with its UTC offset. YAML turns unquoted timestamps into Dates and a bare date into
 * midnight UTC, which hides a missing time zone; so the raw text is checked where it survives.
 */
const timestamp = z
  .union([
    z.date(),
    z
      .string()
      .regex(TIMESTAMP_WITH_OFFSET, {
        message: 'must be a date and time with its offset, e.g. 2025-03-05T10:00:00+07:00 (Bangkok time)',
      })
      .transform((s) => new Date(s)),
  ])
  .refine((d) => !Number.isNaN(d.getTime()), { message: 'is not a real date' });

const nonEmpty = z.string().trim().min(1, { message: 'must not be empty' });

const image = z.strictObject({
  /** Path under public/ or an absolute URL; a story may carry only the caption of a photo it cannot show. */
  src: z.string().optional(),
  alt: z.string().optional(),
  caption: nonEmpty,
  credit: nonEmpty,
});

const relatedStory = z.strictObject({
  title: nonEmpty,
  summary: z.string().optional(),
  url: z.url().optional(),
});

const translation = z.strictObject({
  /** Who made the rendering: a person, a desk, or the machine translation service. */
  translator: nonEmpty,
  machine: z.boolean(),
  reviewed: z.boolean(),
  reviewer: z.string().optional(),
});

/** Fields that describe the story as a whole; they are written once, in the original. */
const ORIGINAL_ONLY = ['section', 'source', 'byline', 'sourceUrl'] as const;

export const articleSchema = z
  .strictObject({
    title: nonEmpty,
    /** The dek: one or two sentences under the headline, shown on listings. */
    summary: nonEmpty,
    published: timestamp.optional(),
    updated: timestamp.optional(),
    section: z.enum(sectionIds, { message: `must be one of: ${sectionIds.join(', ')}` }).optional(),
    tags: z.array(nonEmpty).default([]),
    /** News agency or issuing office, e.g. "AFP" or "สำนักโฆษก". */
    source: z.string().trim().min(1).optional(),
    /** Where the agency published it. */
    sourceUrl: z.url().optional(),
    byline: z.string().trim().min(1).optional(),
    image: image.optional(),
    related: z.array(relatedStory).default([]),
    /** Present only on a rendering: the file is a translation of the story's original. */
    translation: translation.optional(),
  })
  .superRefine((data, ctx) => {
    if (data.translation) {
      for (const field of ORIGINAL_ONLY) {
        if (data[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `belongs in the original, not in a rendering: remove it here (the rendering takes it from the original)`,
          });
        }
      }
      return;
    }
    if (!data.published) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: 'is required in the original, e.g. 2025-03-05T10:00:00+07:00' });
    }
    if (!data.section) {
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: `is required in the original; one of: ${sectionIds.join(', ')}`,
      });
    }
    if (!data.source && !data.byline) {
      ctx.addIssue({
        code: 'custom',
        path: ['byline'],
        message: 'every original credits someone: set "byline" (writer or desk), "source" (agency), or both',
      });
    }
    if (data.updated && data.published && data.updated < data.published) {
      ctx.addIssue({ code: 'custom', path: ['updated'], message: 'is earlier than "published"' });
    }
  });

/**
 * The glob loader, plus the checks that span files (rendering without an original, duplicate slug,
 * wrong file name), so a broken set of articles fails the build instead of publishing dead links.
 */
function articleLoader(): Loader {
  const base = articlesDir();
  const files = glob({
    base: pathToFileURL(`${base}/`),
    pattern: '**/*.{md,mdx}',
    // The id keeps the folder path, so two stories with the same slug in different folders both load and get reported.
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  });
  return {
    name: 'article-loader',
    load: async (context) => {
      await files.load(context);
      const entries = context.store.values();
      const timestampErrors = (
        await Promise.all(
          entries.map(async (entry) => {
            const file = entry.filePath ?? `${base}/${entry.id}.mdx`;
            return checkTimestampLines(await readFile(resolve(fileURLToPath(context.config.root), file), 'utf8'), file);
          }),
        )
      ).flat();
      if (timestampErrors.length > 0) throw new ContentErrors(timestampErrors);
      buildStories(entries.map((entry) => ({ id: entry.id, filePath: entry.filePath, data: entry.data as StoryFileData })));
    },
  };
}

export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleSchema }),
};
