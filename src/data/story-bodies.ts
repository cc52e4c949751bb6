import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import config from 'virtual:news/config';
import type { RenderedStoryBody } from '../lib/markdown/story-body.ts';

/**
 * Story bodies as the content loader renders them (HTML, numbered blocks, and the text they came
 * from), kept in the build cache beside Astro's content store: one file per story file, named by
 * the loader's digest of all a body depends on (the file's text, the build's code, the word list).
 *
 * Why not in the store itself: Astro bundles its whole content store into the build's server code,
 * in every build. With the bodies in it the store grows by tens of kilobytes a story, and bundling it
 * became the largest step of publishing one story into a large archive (see the README's Publishing);
 * without them the store holds front matter and a few small fields per story. Pages read a body here
 * when they show it.
 */
export interface StoredStoryBody extends RenderedStoryBody {
  /** The body's text as written (Markdown): what reading time counts. */
  text: string;
  /** The line of the file's `title:` (the rendering check names it, as it names each block's). */
  titleLine: number;
}

/** A story file's words for related stories (storyWords in src/lib/related.ts), apart from its body: every build reads them all. */
export type StoredStoryWords = string[];

const folder = () => join(config.cacheDir, 'story-bodies');
const KINDS = { body: '.json', words: '.words.json' } as const;
const fileOf = (digest: string, kind: keyof typeof KINDS) => join(folder(), `${digest}${KINDS[kind]}`);

export const hasStoryBody = (digest: string): boolean => existsSync(fileOf(digest, 'body')) && existsSync(fileOf(digest, 'words'));

/** Writes each file whole or not at all (a build killed while writing leaves no half file to trust). */
export function writeStoryBody(digest: string, body: StoredStoryBody, words: StoredStoryWords): void {
  mkdirSync(folder(), { recursive: true });
  for (const [kind, value] of [
    ['body', body],
    ['words', words],
  ] as const) {
    const temporary = `${fileOf(digest, kind)}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, fileOf(digest, kind));
  }
}

/** Removes the files of story texts the store no longer holds. */
export function keepStoryBodies(digests: ReadonlySet<string>): void {
  if (!existsSync(folder())) return;
  for (const name of readdirSync(folder())) {
    if (!digests.has(name.slice(0, name.indexOf('.')))) rmSync(join(folder(), name), { force: true });
  }
}

type StoredEntry = { digest?: string | number | undefined; filePath?: string | undefined; id: string };

function readStored<T>(entry: StoredEntry, kind: keyof typeof KINDS): T {
  const file = entry.digest ? fileOf(String(entry.digest), kind) : '';
  if (!entry.digest || !existsSync(file)) {
    throw new Error(
      `${entry.filePath ?? entry.id}: its rendered body is missing from the build cache (${folder()}), removed while the build ran. Fix: run the build again.`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The body the loader stored for a story file (by the digest Astro gives the entry). */
export const readStoryBody = (entry: StoredEntry): StoredStoryBody => readStored(entry, 'body');

/** The words the loader stored for a story file, for related stories. */
export const readStoryWords = (entry: StoredEntry): StoredStoryWords => readStored(entry, 'words');
