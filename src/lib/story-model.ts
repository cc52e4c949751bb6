import { ContentError, ContentErrors } from './content-errors.ts';
import { isLang, languages, type Lang } from './i18n/languages.ts';
import type { SectionId } from './sections.ts';

/**
 * A story is one news item: its original text in one language and, optionally, a rendering in the other.
 * Files live side by side: content/articles/[<folders>/]<slug>/th.mdx and en.mdx.
 */

/** The least a content file must carry for grouping; the full shape comes from the zod schema. */
export interface StoryFileData {
  published?: Date | undefined;
  updated?: Date | undefined;
  translation?: unknown;
  formerSlugs?: readonly string[] | undefined;
}

export interface StoryFile<D extends StoryFileData = StoryFileData> {
  /** Path relative to the articles folder without extension, e.g. "2025/putin-myanmar/th". */
  id: string;
  /** Path shown to editors in errors, e.g. "content/articles/2025/putin-myanmar/th.mdx". */
  filePath?: string | undefined;
  data: D;
}

/** A story with its section, as the site's pages and feeds take it (the section is the original's). */
export type SectionedStory<F extends StoryFile = StoryFile> = Story<F> & { section: SectionId };

export interface Story<F extends StoryFile = StoryFile> {
  slug: string;
  originalLang: Lang;
  /** Languages the story can be read in, original first. */
  languages: Lang[];
  versions: Partial<Record<Lang, F>>;
  original: F;
  published: Date;
  updated: Date;
  /** Slugs it was published under before (the original's `formerSlugs`): their addresses lead to it. */
  formerSlugs: readonly string[];
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Splits an entry id "2025/putin-myanmar/th" into its slug and language. */
export function parseStoryFileId(id: string): { slug: string; lang: string } {
  const parts = id.split('/');
  const lang = parts.at(-1) ?? '';
  const slug = parts.at(-2) ?? '';
  return { slug, lang };
}

/** The folder of a story file, from its entry id ("2025/putin-myanmar/th") or its path ("content/articles/putin-myanmar/th.mdx"). */
export function storyFolder(path: string): string {
  return path.split('/').slice(0, -1).join('/');
}

function fileOf(file: StoryFile): string {
  return file.filePath ?? `content/articles/${file.id}.mdx`;
}

function isRendering(file: StoryFile): boolean {
  return file.data.translation !== undefined;
}

/**
 * Groups content files into stories and checks the rules that span files: the file name is the
 * language, a slug is used by one story only, every story has exactly one original, and a rendering
 * never stands alone. All problems are collected and thrown together.
 */
export function buildStories<F extends StoryFile>(files: readonly F[]): Story<F>[] {
  const errors: ContentError[] = [];
  const bySlug = new Map<string, { folder: string; files: Map<Lang, F> }>();

  // Files arrive in whatever order the loader found them; sorting makes the report the same on every machine.
  const ordered = [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const file of ordered) {
    const { slug, lang } = parseStoryFileId(file.id);
    const folder = storyFolder(file.id);
    if (!isLang(lang)) {
      errors.push(
        new ContentError({
          file: fileOf(file),
          problem: `the file name "${lang}" is not a language of the site`,
          fix: `name the file ${languages.map((l) => `${l}.mdx`).join(' or ')} after the language it is written in`,
        }),
      );
      continue;
    }
    if (!slug) {
      errors.push(
        new ContentError({
          file: fileOf(file),
          problem: 'the article is not in a folder of its own',
          fix: `move it to content/articles/<slug>/${lang}.mdx`,
        }),
      );
      continue;
    }
    if (!SLUG_PATTERN.test(slug)) {
      errors.push(
        new ContentError({
          file: fileOf(file),
          problem: `the folder name "${slug}" is not a valid slug (it becomes the URL)`,
          fix: 'rename the folder using lowercase Latin letters, digits and single hyphens, e.g. "putin-visits-china"',
        }),
      );
      continue;
    }
    const group = bySlug.get(slug);
    if (!group) {
      bySlug.set(slug, { folder, files: new Map([[lang, file]]) });
      continue;
    }
    if (group.folder !== folder) {
      const other = [...group.files.values()][0];
      errors.push(
        new ContentError({
          file: fileOf(file),
          problem: `the slug "${slug}" is already used by ${other ? fileOf(other) : group.folder}`,
          fix: 'give one of the two stories a different folder name; two stories cannot share a URL',
        }),
      );
      continue;
    }
    group.files.set(lang, file);
  }

  const stories: Story<F>[] = [];
  for (const [slug, group] of bySlug) {
    const versions = Object.fromEntries(group.files) as Partial<Record<Lang, F>>;
    const all = [...group.files.values()];
    const originals = all.filter((f) => !isRendering(f)).sort((a, b) => fileOf(a).localeCompare(fileOf(b)));
    if (originals.length === 0) {
      for (const f of all) {
        errors.push(
          new ContentError({
            file: fileOf(f),
            field: 'translation',
            problem: 'this rendering has no original: the story has no source file',
            fix: `add the source text beside it (for a Thai original: ${group.folder}/th.mdx without a "translation" block), or delete the rendering`,
          }),
        );
      }
      continue;
    }
    if (originals.length > 1) {
      errors.push(
        new ContentError({
          file: fileOf(originals[1]!),
          field: 'translation',
          problem: `both ${originals.map(fileOf).join(' and ')} claim to be the original`,
          fix: 'add a "translation:" block (translator, machine, reviewed) to the file that is the rendering',
        }),
      );
      continue;
    }
    const original = originals[0]!;
    const originalLang = parseStoryFileId(original.id).lang as Lang;
    const published = original.data.published;
    if (!published) {
      errors.push(
        new ContentError({
          file: fileOf(original),
          field: 'published',
          problem: 'the original has no publication time',
          fix: 'add "published: 2025-03-05T10:00:00+07:00" (Bangkok time, with the offset)',
        }),
      );
      continue;
    }
    const storyLanguages = [originalLang, ...languages.filter((l) => l !== originalLang && versions[l])];
    stories.push({
      slug,
      originalLang,
      languages: storyLanguages,
      versions,
      original,
      published,
      updated: original.data.updated ?? published,
      formerSlugs: original.data.formerSlugs ?? [],
    });
  }
  errors.push(...formerSlugProblems(stories, (slug) => bySlug.get(slug)?.folder));

  if (errors.length > 0) throw new ContentErrors(errors);
  // Newest first; the slug breaks ties so the order never depends on the file system.
  return stories.sort((a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug));
}

/**
 * A former slug must lead to one story only: not the story's own slug, not another story's slug, and
 * not a former slug of another story too.
 */
function formerSlugProblems<F extends StoryFile>(stories: readonly Story<F>[], folderOf: (slug: string) => string | undefined): ContentError[] {
  const errors: ContentError[] = [];
  const claimedBy = new Map<string, Story<F>>();
  for (const story of stories) {
    for (const former of story.formerSlugs) {
      const error = (problem: string, fix: string) => errors.push(new ContentError({ file: fileOf(story.original), field: 'formerSlugs', problem, fix }));
      const other = claimedBy.get(former);
      if (former === story.slug) error(`"${former}" is this story's own slug`, `remove "${former}" from formerSlugs`);
      else if (folderOf(former) !== undefined)
        error(
          `"${former}" is the slug of another story (content/articles/${folderOf(former)}/), so its address cannot lead here`,
          `remove "${former}" from formerSlugs, or rename that story's folder`,
        );
      else if (other)
        error(
          `"${former}" is also a former slug of ${fileOf(other.original)}; an old address can lead to one story only`,
          `keep "${former}" in the formerSlugs of the story that was published under it, and remove it from the other`,
        );
      else claimedBy.set(former, story);
    }
  }
  return errors;
}
