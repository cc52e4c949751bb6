/**
 * npm run words [-- --from DIR ...]
 *
 * Learns the site's word list (content/words.txt, see learnSiteWords in src/lib/thai-lines.ts): the
 * Thai words that the own lexicons of two stories or more found (names and loanwords they repeat or
 * give a title to) and that hold together across all of them, so that a story using one of them once
 * keeps it whole on a line too. It reads the site's stories and, with --from, story files (.mdx) or
 * plain-text releases (.txt) under other folders: an archive not published here. Words already in the
 * list stay, with the editors' own lines and notes; new ones are added at the end under a dated note.
 * The next build renders every story with the new list.
 * Exit codes: 0 written (or nothing new), 2 bad input.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { configFromEnvironment } from '../src/config.ts';
import { entriesUnderSync } from '../src/lib/files.ts';
import { readLexiconTexts } from '../src/lib/importer/article-file.ts';
import { learnSiteWords } from '../src/lib/thai-lines.ts';
import { readWordListFile, WORD_LIST_FILE, WORD_LIST_HEADER } from '../src/lib/word-list.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run words -- [--from DIR ...]';

/** A story's texts and tags, as the content loader gives them to its lexicon; a plain-text release is all text. */
function storyTexts(path: string): { texts: string[]; tags: string[] } {
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.txt') ? { texts: [text], tags: [] } : readLexiconTexts(text);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string', multiple: true, default: [] }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`words: ${error instanceof Error ? error.message : String(error)}; ${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { contentDir } = configFromEnvironment(process.env, projectRoot);
  const folders = [contentDir, ...values.from.map((dir) => resolve(dir))];
  for (const folder of folders) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      console.error(`words: ${folder} is not a folder; give a folder of story files (.mdx) or plain-text stories (.txt)`);
      return 2;
    }
  }
  const listPath = join(dirname(contentDir), WORD_LIST_FILE);
  const shown = relative(process.cwd(), listPath) || listPath;
  const { text: existing, words: known, problems } = readWordListFile(listPath, shown);
  if (problems.length > 0) {
    // Nothing is written over a list an editor must mend first.
    for (const problem of problems) console.error(problem.message);
    return 2;
  }
  // The site's stories are its .mdx files; another folder may hold plain-text releases too.
  const files = [
    ...entriesUnderSync(contentDir).files.filter((path) => path.endsWith('.mdx')),
    ...folders.slice(1).flatMap((folder) => entriesUnderSync(folder).files.filter((path) => path.endsWith('.mdx') || path.endsWith('.txt'))),
  ];
  const learned = learnSiteWords(files.map(storyTexts));
  const added = learned.filter((word) => !known.has(word));
  console.log(`words: ${learned.length} words found in two stories or more of ${files.length}; ${added.length} new, ${known.size} already in ${shown}`);
  if (added.length === 0) return 0;
  const day = new Date().toISOString().slice(0, 10);
  const before = existing === '' ? `${WORD_LIST_HEADER.join('\n')}\n` : existing.endsWith('\n') ? existing : `${existing}\n`;
  const text = `${before}\n# Added by npm run words on ${day}, from ${files.length} stories:\n${added.join('\n')}\n`;
  // Written aside and renamed into place: a build never reads half a list.
  await writeFile(`${listPath}.${process.pid}.tmp`, text);
  await rename(`${listPath}.${process.pid}.tmp`, listPath);
  console.log(`words: wrote ${shown}; the next build renders every story with it`);
  return 0;
}

process.exitCode = await main();
