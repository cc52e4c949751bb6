/**
 * npm run import -- [--out DIR] [--section ID] [--published TIMESTAMP] [--folder NAME] [--pair THAI=ENGLISH]... FILE...
 *
 * Turns plain-text stories (the seed layout, the thaigov layout) into content entries:
 * DIR/articles/<slug>/th.mdx and en.mdx (DIR defaults to content/). Re-importing a story updates it
 * in place. Writes DIR/import-map.json: every input file → the URL paths of its pages.
 * --pair imports a Thai file with its official English rendering from a second file; --folder puts
 * new stories under DIR/articles/NAME/; new stories are tagged with the topics of DIR/topics.yaml
 * that their title or first paragraph names.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { filesUnder } from '../src/lib/files.ts';
import { isLang, type Lang } from '../src/lib/i18n/languages.ts';
import { LARGE_STORY_BYTES, MAX_TITLE_LENGTH } from '../src/lib/frontmatter-checks.ts';
import { readArticleFrontmatter, renderArticleFile } from '../src/lib/importer/article-file.ts';
import { decodeInput, type InputEncoding } from '../src/lib/importer/decode.ts';
import { ParseError, parseStory } from '../src/lib/importer/parse.ts';
import { planStoryFiles, proposeSlug, storyIdentities, type ExistingStory, type ImportOptions, type TaggingTopic } from '../src/lib/importer/plan.ts';
import { shortHash } from '../src/lib/importer/slug.ts';
import { TIMESTAMP_WITH_OFFSET, timestampProblem } from '../src/lib/dates.ts';
import { sectionIds, type SectionId } from '../src/lib/sections.ts';
import { articlePath } from '../src/lib/urls.ts';

const USAGE =
  'usage: npm run import -- [--out DIR] [--section ID] [--published 2024-05-16T17:00+07:00] [--folder NAME] [--pair THAI.txt=ENGLISH.txt]... FILE...';

/** An input larger than this is not one story (a whole archive, a binary file): refused before it replaces one. */
const MAX_INPUT_BYTES = 5 * LARGE_STORY_BYTES;

/** How the notes name the encodings an input may come in. */
const ENCODING_NAMES: Record<InputEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian, with a byte-order mark)',
  'utf-16be': 'UTF-16 (big-endian, with a byte-order mark)',
  'windows-874': 'Thai in TIS-620 (Windows-874)',
  'windows-1252': 'Windows-1252',
};

/** A problem that stops the whole import before anything is written, said as an editor can act on it. */
class ImportStopped extends Error {}

/**
 * An input file's text, read as every input is: at most one story's size, strictly decoded (Thai in
 * TIS-620 and Windows-1252 converted, saying so), or why not; `shown` names the file in messages.
 */
async function readInput(file: string, shown: string): Promise<{ text: string } | { failure: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { failure: `${shown}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}). Fix: check the path` };
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    return {
      failure: `${shown}: the file is ${(bytes.length / 1_000_000).toFixed(1)} MB, more than one story. Fix: check it is the right file; split a long text into stories`,
    };
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { failure: `${shown}${decoded.position ? `:${decoded.position.line}` : ''}: ${decoded.reason}. Fix: ${decoded.fix}` };
  if (decoded.encoding !== 'utf-8') {
    console.log(`NOTE    ${shown}: read as ${ENCODING_NAMES[decoded.encoding]} and converted to UTF-8; check the text on the site`);
  }
  return { text: decoded.text };
}

/** A text parsed as a story whose headlines fit, or why not. */
function readStory(text: string, shown: string): ReturnType<typeof parseStory> | { failure: string } {
  let story;
  try {
    story = parseStory(text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return {
      failure: `${shown}: ${error.message}. Fix: check that the file is a story in the seed layout (title, paragraphs) or the thaigov layout (README.md, "Newsroom tools")`,
    };
  }
  const longTitle = story.versions.find((v) => v.title.length > MAX_TITLE_LENGTH);
  if (longTitle) {
    return {
      failure: `${shown}: the ${longTitle.lang === 'th' ? 'Thai' : 'English'} title is ${longTitle.title.length} characters; a headline has at most ${MAX_TITLE_LENGTH}. Fix: check the layout: the title is the first line, alone, followed by the text`,
    };
  }
  return story;
}

/** The topics file beside the articles (the build checks it in full); none when there is no file. */
async function readTopics(path: string): Promise<TaggingTopic[]> {
  if (!existsSync(path)) return [];
  const entries: unknown = parseYaml(await readFile(path, 'utf8'));
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((e: { th?: unknown; en?: unknown; aliases?: unknown }) =>
    typeof e.th === 'string' && typeof e.en === 'string' ? [{ th: e.th, en: e.en, aliases: Array.isArray(e.aliases) ? e.aliases.map(String) : [] }] : [],
  );
}

/** Everything already in the articles folder, by folder, with the keys that recognise each story. */
async function readExisting(articlesDir: string): Promise<Map<string, ExistingStory>> {
  const byFolder = new Map<string, ExistingStory>();
  // The folder may not exist yet (a first import into --out DIR).
  const paths = existsSync(articlesDir) ? (await filesUnder(articlesDir)).filter((path) => /[/\\](th|en)\.mdx$/.test(path)) : [];
  const unreadable: string[] = [];
  for (const path of paths) {
    const folder = relative(articlesDir, dirname(path)).split('\\').join('/');
    const lang = path.endsWith('th.mdx') ? 'th' : 'en';
    const text = await readFile(path, 'utf8');
    let frontmatter: Record<string, unknown>;
    try {
      frontmatter = readArticleFrontmatter(text);
    } catch (error) {
      // Without its frontmatter the story cannot be recognised, and importing it again would duplicate it.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      unreadable.push(
        `${relative(process.cwd(), path)}: the frontmatter cannot be read (${reason}). Fix: correct it (npm run build names the line), then import again`,
      );
      continue;
    }
    const story = byFolder.get(folder) ?? { slug: folder.split('/').at(-1)!, folder, identities: [], files: {} };
    story.files[lang] = { frontmatter, text };
    if (frontmatter['translation'] === undefined && typeof frontmatter['title'] === 'string') {
      const sourceUrl = typeof frontmatter['sourceUrl'] === 'string' ? frontmatter['sourceUrl'] : undefined;
      story.identities = storyIdentities({ sourceUrl, originalTitle: frontmatter['title'] });
    }
    byFolder.set(folder, story);
  }
  if (unreadable.length > 0)
    throw new ImportStopped(
      `${unreadable.length} existing ${unreadable.length === 1 ? 'story file' : 'story files'} cannot be read, so nothing was imported:\n${unreadable.map((u) => `  - ${u}`).join('\n')}`,
    );
  return byFolder;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      section: { type: 'string' },
      published: { type: 'string' },
      folder: { type: 'string' },
      pair: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const pairs = (values.pair ?? []).map((pair) => pair.split('='));
  if (pairs.some((p) => p.length !== 2 || !p[0] || !p[1])) {
    console.error(`--pair takes THAI.txt=ENGLISH.txt\n${USAGE}`);
    return 2;
  }
  const folder = values.folder;
  if (folder !== undefined && !/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(folder)) {
    console.error(`--folder "${folder}" must be lowercase Latin letters, digits and hyphens, e.g. "sample"`);
    return 2;
  }
  if (values.help || positionals.length + pairs.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const section = values.section;
  if (section !== undefined && !(sectionIds as readonly string[]).includes(section)) {
    console.error(`--section "${section}" is not a section; use one of: ${sectionIds.join(', ')}`);
    return 2;
  }
  // For a text that does not date itself (the second seed says only "16 พ.ค."); a date in the text wins.
  const published = values.published && /T\d{2}:\d{2}[Z+-]/.test(values.published) ? values.published.replace(/(T\d{2}:\d{2})/, '$1:00') : values.published;
  // The build's own check: a day that does not exist (30 February) is refused, not rolled over.
  const publishedProblem =
    published === undefined ? null : TIMESTAMP_WITH_OFFSET.test(published) ? timestampProblem(published) : 'is not a date and time with its offset';
  if (publishedProblem) {
    console.error(`--published "${values.published}" ${publishedProblem}; write it like 2024-05-16T17:00+07:00 (Bangkok time)`);
    return 2;
  }
  const contentDir = resolve(values.out ?? 'content');
  if (existsSync(contentDir) && !statSync(contentDir).isDirectory()) {
    console.error(`--out ${values.out ?? 'content'} is a file, not a folder. Fix: give the content folder (the one holding articles/), or a new folder`);
    return 2;
  }
  const articlesDir = join(contentDir, 'articles');
  const options: ImportOptions = {
    // Press releases are government news; other wire copy is filed under world news unless told otherwise.
    section: (layout) => (section as SectionId | undefined) ?? (layout === 'thaigov' ? 'government' : 'world'),
    byline: { th: 'กองบรรณาธิการ', en: 'News desk' },
    translation: { translator: 'Imported rendering (translator not stated)', machine: true, reviewed: false },
    // The English of a government press release is the government's own translation.
    pairedTranslation: { translator: 'the Royal Thai Government', machine: false, reviewed: false },
    topics: await readTopics(join(contentDir, 'topics.yaml')),
  };

  const existing = await readExisting(articlesDir);
  const byIdentity = new Map<string, ExistingStory>();
  const slugOwner = new Map<string, string>();
  for (const story of existing.values()) {
    for (const key of story.identities) byIdentity.set(key, story);
    slugOwner.set(story.slug, story.identities[0] ?? story.folder);
  }

  const mapPath = join(contentDir, 'import-map.json');
  const importMap = await readImportMap(mapPath);
  const counts = { new: 0, updated: 0, unchanged: 0, failed: 0, collisions: 0 };

  // Sorted, so that which of two colliding stories keeps the plain slug does not depend on argument order.
  const renderingOf = new Map(pairs.map(([thai, english]) => [thai!, english!]));
  const inputs = [...new Set([...positionals, ...renderingOf.keys()])].sort();
  for (const input of inputs) {
    const key = relative(process.cwd(), resolve(input)) || input;
    // A failed input keeps what the map knew of it (a file moved away still has its pages).
    const fail = (message: string) => {
      console.log(`FAILED  ${message}`);
      importMap[key] ??= [];
      counts.failed++;
    };
    const decoded = await readInput(input, key);
    if ('failure' in decoded) {
      fail(decoded.failure);
      continue;
    }
    let story = readStory(decoded.text, key);
    if ('failure' in story) {
      fail(story.failure);
      continue;
    }
    if (!story.published && published) story.published = published;
    const renderingFile = renderingOf.get(input);
    if (renderingFile !== undefined) {
      // The rendering passes every check its original does: it becomes a story file as well.
      const shown = `${relative(process.cwd(), resolve(renderingFile)) || renderingFile} (the rendering of ${key})`;
      const text = await readInput(renderingFile, shown);
      const rendering = 'failure' in text ? text : readStory(text.text, shown);
      if ('failure' in rendering) {
        fail(rendering.failure);
        continue;
      }
      const version = rendering.versions[0]!;
      if (version.lang === story.versions[0]!.lang) {
        fail(`${shown}: it is in the same language as the story. Fix: pair a Thai file with its English rendering (--pair THAI.txt=ENGLISH.txt)`);
        continue;
      }
      story = { ...story, versions: [story.versions[0]!, version], pairedRendering: true };
    }
    const identities = storyIdentities({ sourceUrl: story.sourceUrl, originalTitle: story.versions[0]!.title });
    let known = identities.map((k) => byIdentity.get(k)).find(Boolean);
    const isNew = !known;
    if (!known) {
      if (!story.published) {
        fail(
          `${key}: no publication date in the text (a line such as "วันพุธที่ 5 มีนาคม 2568"). Fix: add one to the file or give --published 2024-05-16T17:00+07:00`,
        );
        continue;
      }
      let slug = proposeSlug(story);
      const owner = slugOwner.get(slug);
      if (owner !== undefined && owner !== identities[0]) {
        const resolved = `${slug}-${shortHash(identities[0]!, 6)}`;
        console.log(`COLLISION  ${key}: slug "${slug}" belongs to another story; using "${resolved}"`);
        counts.collisions++;
        slug = resolved;
      }
      known = { slug, folder: folder ? `${folder}/${slug}` : slug, identities, files: {} };
      slugOwner.set(slug, identities[0]!);
    }
    for (const k of identities) byIdentity.set(k, known);

    let changed = false;
    const notes: string[] = [];
    for (const file of planStoryFiles(story, isNew ? undefined : known, options)) {
      if (file.keep) {
        notes.push(`${file.lang}: ${file.keep}`);
        continue;
      }
      const rendered = renderArticleFile(file.frontmatter, file.paragraphs);
      if (known.files[file.lang]?.text === rendered) continue;
      await writeAtomically(join(articlesDir, known.folder, `${file.lang}.mdx`), rendered);
      known.files[file.lang] = { frontmatter: file.frontmatter as unknown as Record<string, unknown>, text: rendered };
      changed = true;
    }
    const langs = (Object.keys(known.files) as Lang[]).filter(isLang);
    importMap[key] = langs.map((lang) => articlePath(lang, known.slug));
    const status = isNew ? 'new' : changed ? 'updated' : 'unchanged';
    counts[status]++;
    const shape = story.versions.map((v) => `${v.lang} ${v.paragraphs.length}¶`).join(' + ');
    console.log(`${status.padEnd(9)} ${known.slug}  ${shape}${notes.length ? `  (${notes.join('; ')})` : ''}`);
  }

  await writeAtomically(mapPath, `${JSON.stringify(importMap, null, 2)}\n`);
  const imported = counts.new + counts.updated + counts.unchanged;
  console.log(
    `${inputs.length} files: ${imported} imported (${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged), ` +
      `${counts.failed} failed, ${counts.collisions} slug collisions resolved. Map: ${relative(process.cwd(), mapPath)}`,
  );
  return counts.failed > 0 ? 1 : 0;
}

/** The map of earlier imports; a damaged one stops the import rather than be replaced by a partial one. */
async function readImportMap(mapPath: string): Promise<Record<string, string[]>> {
  let text: string;
  try {
    text = await readFile(mapPath, 'utf8');
  } catch {
    return {};
  }
  try {
    const map: unknown = JSON.parse(text);
    if (map && typeof map === 'object' && !Array.isArray(map) && Object.values(map).every((v) => Array.isArray(v) && v.every((p) => typeof p === 'string'))) {
      return map as Record<string, string[]>;
    }
    throw new Error('it is not a map of file names to lists of page paths');
  } catch (error) {
    throw new ImportStopped(
      `${relative(process.cwd(), mapPath)} cannot be read (${(error as Error).message}), so nothing was imported. Fix: restore it from version control, or delete it to start a new map (earlier inputs then lose their entries until imported again)`,
    );
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // Every failure as a sentence an editor can act on, never a stack trace.
  if (error instanceof ImportStopped) console.error(error.message);
  else {
    const { code, path, message } = error as NodeJS.ErrnoException;
    const where = path ? relative(process.cwd(), path) || path : undefined;
    console.error(
      code && where
        ? `The import stopped: cannot write ${where} (${code}). Fix: check that --out names a folder you can write to, with room on the disk`
        : `The import stopped: ${message}. Fix: check the files named above; the stories imported before this point are written`,
    );
  }
  process.exitCode = 2;
}
