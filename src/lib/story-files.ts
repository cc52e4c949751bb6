import { posix } from 'node:path';
import { ContentError } from './content-errors.ts';
import { languages } from './i18n/languages.ts';

/** The only names a file among the stories may have: one per language. */
export const STORY_FILE_NAMES: readonly string[] = languages.map((lang) => `${lang}.mdx`);

/**
 * Files that may sit among the stories without being stories: what operating systems leave behind.
 * The article loader's `ignore` option replaces this list (globs relative to the articles folder).
 */
export const IGNORED_BY_DEFAULT: readonly string[] = ['**/.DS_Store', '**/Thumbs.db', '**/desktop.ini'];

/**
 * Why a file under the articles folder is not a story file, or null when it is one. The build reads
 * only th.mdx and en.mdx: anything else would be skipped without a word, and a story (or one of its
 * languages) would be missing from the site.
 * @param relPath the path relative to the articles folder, with "/"
 * @param shown the path as editors see it in messages
 * @param present every path under the articles folder, relative, to tell a twin from a lone file
 */
export function storyFileProblem(relPath: string, shown: string, present: ReadonlySet<string>): ContentError | null {
  const name = posix.basename(relPath);
  if (STORY_FILE_NAMES.includes(name)) return null;
  const folder = posix.dirname(relPath);
  const outOrIgnore =
    'move it out of the articles folder (photos go in public/images/), or name it in the ignore option of the article loader (src/content.config.ts)';
  const lowered = name.toLowerCase();
  const meant = STORY_FILE_NAMES.find(
    (story) => lowered === story || lowered === story.replace(/\.mdx$/, '.md') || lowered === story.replace(/\.mdx$/, '.markdown'),
  );
  if (meant) {
    const twin = present.has(posix.join(folder, meant));
    return new ContentError({
      file: shown,
      problem: `the build reads only files named exactly ${STORY_FILE_NAMES.join(' or ')}, so this one would be left out of the site`,
      fix: twin ? `${meant} is beside it: copy what this file has that ${meant} lacks into ${meant}, then delete this file` : `rename it to ${meant}`,
    });
  }
  if (STORY_FILE_NAMES.some((story) => lowered.startsWith(`${story}.`) || lowered.startsWith(`${story}~`) || lowered.endsWith('~'))) {
    return new ContentError({
      file: shown,
      problem: "this looks like a backup or an editor's copy of a story file; the build does not read it",
      fix: outOrIgnore,
    });
  }
  if (/\.mdx?$/i.test(name)) {
    return new ContentError({
      file: shown,
      problem: `the file name "${name.replace(/\.mdx?$/i, '')}" is not a language of the site`,
      fix: `name the file ${STORY_FILE_NAMES.join(' or ')} after the language it is written in`,
    });
  }
  return new ContentError({ file: shown, problem: `"${name}" is not a story file (only ${STORY_FILE_NAMES.join(' and ')} are read here)`, fix: outOrIgnore });
}
