import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import type { Loader } from 'astro/loaders';
import config from 'virtual:news/config';
import { Minimatch } from 'minimatch';
import { hasStoryBody, keepStoryBodies, writeStoryBody } from '../data/story-bodies.ts';
import { VFileMessage } from 'vfile-message';
import { parseDocument, type Document } from 'yaml';
import { describeMisalignment, findMisalignment } from '../lib/alignment.ts';
import { ContentError, ContentErrors } from '../lib/content-errors.ts';
import { entriesUnderSync } from '../lib/files.ts';
import { checkedFileWarnings, checkFileText, decodeStoryFile, fieldLine, schemaErrors, splitFile } from '../lib/frontmatter-checks.ts';
import {
  MAX_NESTING,
  outlineOf,
  recordedOutline,
  renderStoryBody,
  StoryBodyCode,
  StoryBodyNesting,
  type RenderedStoryBody,
} from '../lib/markdown/story-body.ts';
import { buildCode, isIncrementalBuild } from '../lib/page-digest.ts';
import { buildStories, storyFolder, type Story, type StoryFile } from '../lib/story-model.ts';
import { IGNORED_BY_DEFAULT, storyFileProblem } from '../lib/story-files.ts';
import { storyWords } from '../lib/related.ts';
import { buildLexicon } from '../lib/thai-lines.ts';
import { balanceBidi, balanceBidiDeep } from '../lib/unicode.ts';
import { decodeSitePath } from '../lib/urls.ts';
import { readWordListFile, WORD_LIST_FILE } from '../lib/word-list.ts';
import { articleSchema, knownFields, type ArticleData } from '../schemas/article.ts';
import { reportRenderingFindings } from './rendering-check.ts';

/** Every entry's id is its path under the articles folder without this extension. */
const STORY_EXTENSION = /\.mdx$/;

interface LoaderOptions {
  /** Globs (relative to the articles folder) of files that are not stories and may stay there. */
  ignore?: readonly string[];
}

/**
 * Loads every story file: accounts for every file in the folder, checks each file's bytes and raw
 * text, validates its frontmatter, turns its body into HTML (story-body.ts), then checks the rules
 * that span files (rendering without an original, duplicate slug). Every problem of every file is
 * reported together, each as `path:line: field: what is wrong. Fix: …`, and the build fails rather
 * than publish a site with a story missing. A file whose text has not changed since the last build by
 * the same code and word list is not parsed again: Astro's content cache keeps its data, and the build
 * cache its body (src/data/story-bodies.ts).
 */
export function articleLoader({ ignore = IGNORED_BY_DEFAULT }: LoaderOptions = {}): Loader {
  const base = config.contentDir;
  const wordListPath = join(dirname(base), WORD_LIST_FILE);
  // Compiled once: path.matchesGlob (the same matcher, with these options) compiles its glob on every call, once per file per glob.
  const ignored = ignore.map(
    (glob) => new Minimatch(glob, { windowsPathsNoEscape: true, nonegate: true, nocomment: true, optimizationLevel: 2, platform: 'linux' }),
  );
  const load: Loader['load'] = async (context) => {
    const root = fileURLToPath(context.config.root);
    const publicDir = fileURLToPath(context.config.publicDir);
    const now = new Date();
    const shown = (path: string) => relative(root, path).split(sep).join('/');
    const problems: ContentError[] = [];

    const listed = entriesUnderSync(base);
    const all = listed.files.map((path) => ({ path, rel: relative(base, path).split(sep).join('/') }));
    // A story behind a symbolic link would otherwise be left out without a word.
    for (const path of listed.others) {
      if (ignored.some((glob) => glob.match(relative(base, path).split(sep).join('/')))) continue;
      problems.push(
        new ContentError({
          file: shown(path),
          problem: 'is a symbolic link (or another special file), which the build does not follow',
          fix: 'put the file or story folder itself here, not a link to it',
        }),
      );
    }
    const present = new Set(all.map((f) => f.rel));
    const incremental = isIncrementalBuild();
    // The site's word list (thai-lines.ts): every story's lexicon takes its words.
    const wordList = readWordListFile(wordListPath, shown(wordListPath));
    problems.push(...wordList.problems);
    // A story's record and body depend on its text, the code that renders it and the word list: a
    // change to either of the last two renders every story again, not only the pages.
    const dependsOn = `${buildCode() ?? ''}\0${context.generateDigest(wordList.text)}\0`;
    // Each file that passed the text checks: its id, text, shown path, digest, and its parsed frontmatter (null when unchanged).
    const texts = new Map<string, { id: string; raw: string; file: string; digest: string; yaml: Document | null }>();
    const storyFiles = all.flatMap(({ path, rel }) => {
      if (ignored.some((glob) => glob.match(rel))) return [];
      const file = shown(path);
      const misnamed = storyFileProblem(rel, file, present);
      if (misnamed) problems.push(misnamed);
      return misnamed ? [] : [{ path, rel, file }];
    });
    // Listed and read without yielding: Astro saves its whole content store half a second after the
    // last change to it (its own, before any loader runs), so a loader that awaited its reads let that
    // save run once more, serializing every story's data for nothing.
    for (const { path, rel, file } of storyFiles) {
      const decoded = decodeStoryFile(readFileSync(path), file);
      if ('error' in decoded) {
        problems.push(decoded.error);
        continue;
      }
      // The id keeps the folder path, so two stories with the same slug in different folders both load and get reported.
      const id = rel.replace(STORY_EXTENSION, '');
      const digest = context.generateDigest(dependsOn + decoded.text);
      if (incremental && unchanged(context.store.get(id), digest)) {
        // The live site's build, by the same code, checked and stored this very text: only the checks that depend on the day run again.
        for (const warning of checkedFileWarnings(decoded.text, file, now)) context.logger.warn(warning);
        texts.set(path, { id, raw: decoded.text, file, digest, yaml: null });
        continue;
      }
      // The raw text is checked before anything parses it, so a broken file is reported with its line and fix.
      const { errors, warnings, yaml } = checkFileText(decoded.text, file, now);
      problems.push(...errors);
      for (const warning of warnings) context.logger.warn(warning);
      if (errors.length === 0 && yaml) texts.set(path, { id, raw: decoded.text, file, digest, yaml });
    }

    const ids = new Set<string>();
    for (const { id, raw, file, digest, yaml } of texts.values()) {
      ids.add(id);
      if (!yaml || unchanged(context.store.get(id), digest)) continue;
      const { frontmatter: frontmatterText, body: rawBody, bodyLine } = splitFile(raw);
      const frontmatter = balanceBidiDeep(yaml.toJS());
      const parsed = articleSchema.safeParse(frontmatter.value);
      if (!parsed.success) {
        problems.push(...schemaErrors(parsed.error.issues, file, yaml, frontmatterText ?? '', knownFields));
        continue;
      }
      const body = balanceBidi(rawBody);
      const removed = frontmatter.removed + body.removed.length;
      if (removed > 0) {
        const line = body.removed[0] === undefined ? 1 : bodyLine + rawBody.slice(0, body.removed[0]).split('\n').length - 1;
        context.logger.warn(
          `${file}:${line}: ${removed} direction ${removed === 1 ? 'control was' : 'controls were'} removed (an override or embedding opened and never closed, or closed and never opened); check the text reads in the right order`,
        );
      }
      // The story's own words to keep whole on a line; its pages apply them to the headline and dek too.
      const lexicon = buildLexicon([parsed.data.title, parsed.data.summary, body.text], parsed.data.tags, wordList.words);
      let rendered: RenderedStoryBody;
      try {
        // Blank lines stand for the frontmatter, so the parser's line numbers are the file's.
        rendered = renderStoryBody('\n'.repeat(bodyLine - 1) + body.text, 'mdx', lexicon);
      } catch (error) {
        problems.push(bodyProblem(file, error));
        continue;
      }
      const titleLine = fieldLine(yaml, frontmatterText ?? '', ['title']);
      writeStoryBody(digest, { ...rendered, text: body.text, titleLine }, storyWords(parsed.data.title, parsed.data.summary, body.text));
      // set() keeps an entry whose digest it already has, such as one stored before bodies were rendered here.
      context.store.delete(id);
      // The body is stored apart (story-bodies.ts); Astro's store keeps its outline, and no HTML for render().
      context.store.set({ id, data: parsed.data, filePath: file, digest, rendered: { html: '', metadata: { ...outlineOf(rendered, lexicon, parsed.data) } } });
    }
    for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
    keepStoryBodies(new Set(context.store.values().flatMap((entry) => (entry.digest ? [String(entry.digest)] : []))));

    const entries = context.store.values().filter((entry) => ids.has(entry.id));
    const rawOf = new Map([...texts.values()].map((t) => [t.file, t]));
    const lineOf = (file: string, field: string) => {
      const text = rawOf.get(file);
      if (!text) return undefined;
      const frontmatter = splitFile(text.raw).frontmatter ?? '';
      return fieldLine(text.yaml ?? parseDocument(frontmatter), frontmatter, field.split('.'));
    };
    for (const entry of entries) {
      const src = (entry.data as { image?: { src?: string } }).image?.src;
      if (src && !existsSync(join(publicDir, decodeSitePath(src) ?? src))) {
        const file = entry.filePath ?? entry.id;
        problems.push(
          new ContentError({
            file,
            line: lineOf(file, 'image.src'),
            field: 'image.src',
            problem: `"${src}" is not a file in public/`,
            fix: `copy the photo to public${src}, or correct the path`,
          }),
        );
      }
    }
    // Rules between files are checked on the files that passed; a folder with a broken file is left
    // out of them, so a rendering whose original is broken is not also called an orphan.
    const broken = new Set(problems.map((p) => storyFolder(p.file)));
    let stories: Story<StoryFile<ArticleData> & Parameters<typeof recordedOutline>[0] & { digest?: string | number | undefined }>[] = [];
    try {
      stories = buildStories(entries.map((entry) => ({ ...entry, data: entry.data as ArticleData })));
    } catch (error) {
      if (!(error instanceof ContentErrors)) throw error;
      for (const p of error.problems) {
        if (broken.has(storyFolder(p.file))) continue;
        problems.push(
          p.line || !p.field ? p : new ContentError({ file: p.file, line: lineOf(p.file, p.field), field: p.field, problem: p.problem, fix: p.fix }),
        );
      }
    }
    if (problems.length > 0) throw ContentErrors.sorted(problems);
    reportMisalignment(stories, context.logger);
    // In a build (not `astro dev`), from what was recorded above: no story file is read again.
    const code = buildCode();
    if (code) await reportRenderingFindings(stories, { dir: join(config.cacheDir, 'rendering-check'), code }, context.logger);
  };
  return {
    name: 'article-loader',
    load: async (context) => {
      // `astro dev`: reload when a file among the stories or the word list changes (a build has no watcher).
      context.watcher?.add([base, wordListPath]);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(base) || path === wordListPath) load(context).catch((error: unknown) => context.logger.error(String(error)));
      });
      await load(context);
    },
  };
}

/** Whether the store holds this text's entry whole: its data, its outline and its body (story-bodies.ts). */
function unchanged(known: (Parameters<typeof recordedOutline>[0] & { digest?: unknown }) | undefined, digest: string): boolean {
  return known?.digest === digest && Boolean(recordedOutline(known)) && hasStoryBody(digest);
}

/**
 * Warns, naming the story and the first unmatched block, where a rendering's blocks stop lining up
 * with its original's (from the blocks recorded above): readers switching language would lose their place.
 */
function reportMisalignment(stories: readonly Story<StoryFile & Parameters<typeof recordedOutline>[0]>[], logger: AstroIntegrationLogger): void {
  let translated = 0;
  let misaligned = 0;
  for (const story of stories) {
    const { th, en } = story.versions;
    if (!th || !en) continue;
    translated++;
    const problem = findMisalignment(recordedOutline(th)?.kinds ?? [], recordedOutline(en)?.kinds ?? []);
    if (!problem) continue;
    misaligned++;
    logger.warn(describeMisalignment(story.slug, `${story.slug}/th.mdx`, `${story.slug}/en.mdx`, problem));
  }
  logger.info(`alignment: ${translated - misaligned} of ${translated} translated stories line up block by block`);
}

/** A body the parser refused, or that holds MDX code or deep nesting: the file, the line and what to do. */
function bodyProblem(file: string, error: unknown): ContentError {
  if (error instanceof StoryBodyCode) {
    return new ContentError({
      file,
      line: error.line,
      problem: `the line holds ${error.what}, which a story cannot run`,
      fix: 'write the text as prose; escape a literal {, } or < with a backslash',
    });
  }
  if (error instanceof StoryBodyNesting) {
    return new ContentError({
      file,
      line: error.line,
      problem: `lists or quotes nest more than ${MAX_NESTING} levels deep here, wider than a phone can show`,
      fix: `flatten them to at most ${MAX_NESTING} levels, or remove the indentation if the lines are paragraphs`,
    });
  }
  const line = error instanceof VFileMessage && error.line ? error.line : undefined;
  const reason = error instanceof VFileMessage ? error.reason : error instanceof Error ? error.message : String(error);
  return new ContentError({
    file,
    line,
    problem: `the text cannot be read as MDX (${reason})`,
    fix: 'escape a literal {, } or < with a backslash, and close every tag',
  });
}
