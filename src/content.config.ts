import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { VFileMessage } from 'vfile-message';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { TIMESTAMP_WITH_OFFSET } from './lib/dates.ts';
import { sectionIds } from './lib/sections.ts';
import { articlesDir } from './content-location.ts';
import { ContentError, ContentErrors } from './lib/content-errors.ts';
import { filesUnder } from './lib/files.ts';
import { checkFileText } from './lib/frontmatter-checks.ts';
import { renderStory, StoryBodyCode } from './lib/markdown/story-body.ts';
import { buildStories, type StoryFileData } from './lib/stories.ts';
import { buildLexicon } from './lib/thai-lines.ts';

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

/** A required text field whose messages say what to write. */
const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is missing: add ${what}` : `must be text: ${what}`) })
    .trim()
    .min(1, { message: `must not be empty: write ${what}` });
const yesNo = z.boolean({ error: 'must be true or false' });

/** Links in frontmatter lead readers off the site: only http(s) addresses are allowed. */
const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' });

const image = z.strictObject({
  /** Path under public/ or an absolute URL; a story may carry only the caption of a photo it cannot show. */
  src: z.string().optional(),
  alt: z.string().optional(),
  caption: text('the caption under the photo'),
  credit: text('who took the photo, e.g. "Pavel Bednyakov / AFP"'),
});

const relatedStory = z.strictObject({
  title: nonEmpty,
  summary: z.string().optional(),
  url: webUrl.optional(),
});

const translation = z.strictObject({
  /** Who made the rendering: a person, a desk, or the machine translation service. */
  translator: text('who made the rendering, e.g. "Foreign news desk"'),
  machine: yesNo,
  reviewed: yesNo,
  reviewer: z.string().optional(),
});

/** Fields that describe the story as a whole; they are written once, in the original. */
const ORIGINAL_ONLY = ['section', 'source', 'byline', 'sourceUrl'] as const;

export const articleSchema = z
  .strictObject({
    title: text('the headline'),
    /** The dek: one or two sentences under the headline, shown on listings. */
    summary: text('the dek, one or two sentences under the headline'),
    published: timestamp.optional(),
    updated: timestamp.optional(),
    section: z.enum(sectionIds, { message: `must be one of: ${sectionIds.join(', ')}` }).optional(),
    tags: z.array(nonEmpty, { error: 'must be a list, e.g. [รัสเซีย, จีน]' }).default([]),
    /** News agency or issuing office, e.g. "AFP" or "สำนักโฆษก". */
    source: z.string().trim().min(1).optional(),
    /** Where the agency published it. */
    sourceUrl: webUrl.optional(),
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

/** A story file: th.mdx, en.mdx (or .md). */
const STORY_FILE = /\.mdx?$/;

/**
 * Loads every story file: checks the raw text (all files, all problems at once), validates the
 * frontmatter, turns the body into HTML (story-body.ts), then checks the rules that span files
 * (rendering without an original, duplicate slug, wrong file name), so a broken set of articles
 * fails the build instead of publishing dead links. A file whose text has not changed since the
 * last build is not read again: Astro's content cache keeps its data and HTML.
 */
function articleLoader(): Loader {
  const base = articlesDir();
  const load: Loader['load'] = async (context) => {
    const root = fileURLToPath(context.config.root);
    const paths = (await filesUnder(base)).filter((path) => STORY_FILE.test(path));
    const texts = new Map<string, { raw: string; file: string }>();
    // The raw files are checked before anything parses them, so a broken file is reported with its
    // line and fix (all of them at once) rather than as a stack trace from deep in the build.
    const problems: ContentError[] = [];
    for (const path of paths) {
      const raw = await readFile(path, 'utf8');
      const file = relative(root, path).split(sep).join('/');
      const { errors, warnings } = checkFileText(raw, file);
      problems.push(...errors);
      for (const warning of warnings) context.logger.warn(warning);
      texts.set(path, { raw, file });
    }
    if (problems.length > 0) throw new ContentErrors(problems);

    const ids = new Set<string>();
    for (const [path, { raw, file }] of texts) {
      // The id keeps the folder path, so two stories with the same slug in different folders both load and get reported.
      const id = relative(base, path).split(sep).join('/').replace(STORY_FILE, '');
      ids.add(id);
      const digest = context.generateDigest(raw);
      const known = context.store.get(id);
      if (known?.digest === digest && known.rendered) continue;
      const { frontmatter, content: body } = parseFrontmatter(raw, { frontmatter: 'empty-with-spaces' });
      const data = await context.parseData({ id, data: frontmatter, filePath: path });
      const fields = data as z.output<typeof articleSchema>;
      // The story's own words to keep whole on a line; its pages apply them to the headline and dek too.
      const lexicon = buildLexicon([fields.title, fields.summary, body], fields.tags);
      let rendered: { html: string; leadText: string };
      try {
        rendered = renderStory(body, path.endsWith('.mdx') ? 'mdx' : 'md', lexicon);
      } catch (error) {
        problems.push(bodyProblem(file, error));
        continue;
      }
      // set() keeps an entry whose digest it already has, such as one stored before bodies were rendered here.
      context.store.delete(id);
      context.store.set({ id, data, body, filePath: file, digest, rendered: { html: rendered.html, metadata: { lexicon, leadText: rendered.leadText } } });
    }
    for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
    if (problems.length > 0) throw new ContentErrors(problems);
    const entries = context.store.values();
    buildStories(entries.map((entry) => ({ id: entry.id, filePath: entry.filePath, data: entry.data as StoryFileData })));
  };
  return {
    name: 'article-loader',
    load: async (context) => {
      // `astro dev`: reload when a story file changes (a build has no watcher).
      context.watcher?.add(base);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(base) && STORY_FILE.test(path)) load(context).catch((error: unknown) => context.logger.error(String(error)));
      });
      await load(context);
    },
  };
}

/** A body the parser refused or that holds MDX code: the file, the line and what to do. */
function bodyProblem(file: string, error: unknown): ContentError {
  if (error instanceof StoryBodyCode) {
    return new ContentError({ file, problem: `line ${error.line} holds ${error.what}, which a story cannot run`, fix: 'write the text as prose; escape a literal {, } or < with a backslash' });
  }
  const place = error instanceof VFileMessage && error.line ? `line ${error.line}: ` : '';
  const reason = error instanceof VFileMessage ? error.reason : error instanceof Error ? error.message : String(error);
  return new ContentError({ file, problem: `the text cannot be read as MDX (${place}${reason})`, fix: 'escape a literal {, } or < with a backslash, and close every tag' });
}

export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleSchema }),
};
