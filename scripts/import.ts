/**
 * npm run import -- [--out DIR] [--section ID] [--folder NAME] [--pair THAI=ENGLISH]... FILE...
 *
 * Turns plain-text stories (the seed layout, the thaigov layout) into content entries:
 * DIR/articles/<slug>/th.mdx and en.mdx (DIR defaults to content/). Re-importing a story updates it
 * in place. Writes DIR/import-map.json: every input file → the URL paths of its pages.
 * --pair imports a Thai file with its official English rendering from a second file; --folder puts
 * new stories under DIR/articles/NAME/; new stories are tagged with the topics of DIR/topics.yaml
 * that their title or first paragraph names.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { filesUnder } from '../src/lib/files.ts';
import { isLang, type Lang } from '../src/lib/i18n/languages.ts';
import { readArticleFile, renderArticleFile } from '../src/lib/importer/article-file.ts';
import { ParseError, parseStory } from '../src/lib/importer/parse.ts';
import { planStoryFiles, proposeSlug, storyIdentities, type ExistingStory, type ImportOptions, type TaggingTopic } from '../src/lib/importer/plan.ts';
import { shortHash } from '../src/lib/importer/slug.ts';
import { sectionIds, type SectionId } from '../src/lib/sections.ts';
import { articlePath } from '../src/lib/urls.ts';

const USAGE = 'usage: npm run import -- [--out DIR] [--section ID] [--folder NAME] [--pair THAI.txt=ENGLISH.txt]... FILE...';

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
  for (const path of paths) {
    const folder = relative(articlesDir, dirname(path)).split('\\').join('/');
    const lang = path.endsWith('th.mdx') ? 'th' : 'en';
    const text = await readFile(path, 'utf8');
    const { frontmatter } = readArticleFile(text);
    const story = byFolder.get(folder) ?? { slug: folder.split('/').at(-1)!, folder, identities: [], files: {} };
    story.files[lang] = { frontmatter, text };
    if (frontmatter['translation'] === undefined && typeof frontmatter['title'] === 'string') {
      const sourceUrl = typeof frontmatter['sourceUrl'] === 'string' ? frontmatter['sourceUrl'] : undefined;
      story.identities = storyIdentities({ sourceUrl, originalTitle: frontmatter['title'] });
    }
    byFolder.set(folder, story);
  }
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
  const contentDir = resolve(values.out ?? 'content');
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
  const importMap: Record<string, string[]> = await readFile(mapPath, 'utf8').then(
    (t) => JSON.parse(t) as Record<string, string[]>,
    () => ({}),
  );
  const counts = { new: 0, updated: 0, unchanged: 0, failed: 0, collisions: 0 };

  // Sorted, so that which of two colliding stories keeps the plain slug does not depend on argument order.
  const renderingOf = new Map(pairs.map(([thai, english]) => [thai!, english!]));
  const inputs = [...new Set([...positionals, ...renderingOf.keys()])].sort();
  for (const input of inputs) {
    const key = relative(process.cwd(), resolve(input)) || input;
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch (error) {
      console.log(`FAILED  ${key}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`);
      importMap[key] = [];
      counts.failed++;
      continue;
    }
    let story;
    try {
      story = parseStory(text);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      console.log(`FAILED  ${key}: ${error.message}`);
      importMap[key] = [];
      counts.failed++;
      continue;
    }
    const renderingFile = renderingOf.get(input);
    if (renderingFile !== undefined) {
      let rendering;
      try {
        rendering = parseStory(await readFile(renderingFile, 'utf8'));
      } catch (error) {
        console.log(`FAILED  ${key}: its rendering ${renderingFile} cannot be read (${(error as Error).message})`);
        importMap[key] = [];
        counts.failed++;
        continue;
      }
      const version = rendering.versions[0]!;
      if (version.lang === story.versions[0]!.lang) {
        console.log(`FAILED  ${key}: its rendering ${renderingFile} is in the same language; pair a Thai file with an English one`);
        importMap[key] = [];
        counts.failed++;
        continue;
      }
      story = { ...story, versions: [story.versions[0]!, version], pairedRendering: true };
    }
    const identities = storyIdentities({ sourceUrl: story.sourceUrl, originalTitle: story.versions[0]!.title });
    let known = identities.map((k) => byIdentity.get(k)).find(Boolean);
    const isNew = !known;
    if (!known) {
      if (!story.published) {
        console.log(`FAILED  ${key}: no publication date in the text (a line such as "วันพุธที่ 5 มีนาคม 2568"); add one to the file`);
        importMap[key] = [];
        counts.failed++;
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

process.exitCode = await main();
