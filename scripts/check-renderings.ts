/**
 * Rendering check: figures and names in English renderings that the Thai does not support.
 *
 *   node scripts/check-renderings.ts [--strict]                       every story in content/articles (or $NEWS_CONTENT_DIR)
 *   node scripts/check-renderings.ts [--strict] [--json] THAI ENGLISH two plain text files (thaigov corpus items welcome)
 *
 * Exit codes: 0 done (findings are warnings), 1 findings with --strict, 2 bad input.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkContentDir, describeFinding, findingPlace, type StoryFindings } from '../src/lib/rendering-check/content.ts';
import { checkPlainTexts } from '../src/lib/rendering-check/plain-text.ts';
import { configFromEnvironment } from '../src/config.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run check:renderings -- [--strict] [--json] [THAI.txt ENGLISH.txt]';

/** Bad input: one line that names the problem and what to do, and exit code 2. */
class InputError extends Error {}

interface Options {
  strict: boolean;
  json: boolean;
  files: string[];
}

function parseArguments(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { strict: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new InputError(`${error instanceof Error ? error.message : String(error)}; ${USAGE}`);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const files = parsed.positionals;
  if (files.length !== 0 && files.length !== 2) {
    throw new InputError(`give two files, the Thai text and then the English text (got ${files.length}); ${USAGE}`);
  }
  return { strict: parsed.values.strict, json: parsed.values.json, files };
}

function readTextFile(path: string, role: string): string {
  const absolute = resolve(process.cwd(), path);
  if (!existsSync(absolute)) throw new InputError(`${role} file ${path} does not exist; give the path of a plain text file`);
  if (!statSync(absolute).isFile()) throw new InputError(`${role} file ${path} is not a file; give the path of a plain text file`);
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${role} file ${path} (${reason}); check that it is readable`);
  }
}

function contentDirectory(): string {
  const configured = process.env['NEWS_CONTENT_DIR'];
  const directory = configFromEnvironment(process.env, projectRoot).contentDir;
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    const source = configured ? `NEWS_CONTENT_DIR (${configured})` : 'the default content/articles';
    throw new InputError(`content folder ${directory} from ${source} does not exist; set NEWS_CONTENT_DIR to the folder that holds the story folders`);
  }
  return directory;
}

function exitCode(findings: number, strict: boolean): number {
  return strict && findings > 0 ? 1 : 0;
}

function checkTwoFiles(options: Options): number {
  const [thaiPath, englishPath] = options.files as [string, string];
  const findings = checkPlainTexts(readTextFile(thaiPath, 'Thai'), readTextFile(englishPath, 'English'));
  if (options.json) {
    console.log(JSON.stringify(findings, null, 2));
  } else {
    for (const finding of findings) console.log(`${describeFinding(finding, englishPath)}\n`);
    console.log(summary(findings.length, 1, findings.length > 0 ? 1 : 0));
  }
  return exitCode(findings.length, options.strict);
}

function summary(findings: number, stories: number, storiesWithFindings: number): string {
  const noun = stories === 1 ? 'story' : 'stories';
  return findings === 0
    ? `Rendering check: no findings in ${stories} ${noun}.`
    : `Rendering check: ${findings} ${findings === 1 ? 'finding' : 'findings'} in ${storiesWithFindings} of ${stories} ${noun} (warnings; --strict makes them fail).`;
}

async function checkContent(options: Options): Promise<number> {
  const results: StoryFindings[] = await checkContentDir(contentDirectory()).catch((error: unknown) => {
    throw new InputError(error instanceof Error ? error.message : String(error));
  });
  const total = results.reduce((sum, story) => sum + story.findings.length, 0);
  if (options.json) {
    console.log(
      JSON.stringify(
        results.map(({ slug, directory, original, aligned, findings, english }) => ({
          slug,
          directory,
          original,
          aligned,
          findings: findings.map((finding) => ({ ...finding, place: findingPlace(finding, english) })),
        })),
        null,
        2,
      ),
    );
  } else {
    for (const story of results) {
      for (const finding of story.findings) console.log(`${describeFinding(finding, story.slug, story.english)}\n`);
    }
    console.log(summary(total, results.length, results.filter((story) => story.findings.length > 0).length));
  }
  return exitCode(total, options.strict);
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  return options.files.length === 2 ? checkTwoFiles(options) : checkContent(options);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InputError) {
      console.error(`check-renderings: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  },
);
