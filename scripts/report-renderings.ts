/**
 * npm run report:renderings [-- --out reports/renderings.html] [--site http://localhost:4321] [--json]
 *
 * The editor's report of the rendering check: one HTML page, not part of the public site, listing every
 * translated story with findings, worst first (src/lib/rendering-check/report.ts). --json prints the same
 * findings with their links for scripts instead. Stories come from content/articles (or NEWS_CONTENT_DIR).
 * Exit codes: 0 written, 2 bad input.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { configFromEnvironment } from '../src/config.ts';
import { checkContentDir } from '../src/lib/rendering-check/content.ts';
import { renderReport, reportStories } from '../src/lib/rendering-check/report.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the report goes unless told: beside the project's files, never inside dist/. */
export const DEFAULT_REPORT = 'reports/renderings.html';
const USAGE = `usage: npm run report:renderings -- [--out ${DEFAULT_REPORT}] [--site http://localhost:4321] [--json]`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string', default: DEFAULT_REPORT },
        site: { type: 'string', default: 'http://localhost:4321' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`report-renderings: ${error instanceof Error ? error.message : String(error)}; ${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!/^https?:\/\//.test(values.site)) {
    console.error(`report-renderings: --site "${values.site}" is not a web address; give where the site is served, e.g. http://localhost:4321`);
    return 2;
  }
  const directory = configFromEnvironment(process.env, projectRoot).contentDir;
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    console.error(`report-renderings: content folder ${directory} does not exist; set NEWS_CONTENT_DIR to the folder that holds the story folders`);
    return 2;
  }
  let checked;
  try {
    checked = await checkContentDir(directory);
  } catch (error) {
    console.error(`report-renderings: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const stories = reportStories(checked, { site: values.site });
  if (values.json) {
    console.log(JSON.stringify({ checked: checked.length, stories }, null, 2));
    return 0;
  }
  const out = resolve(process.cwd(), values.out);
  const html = renderReport(stories, checked.length, { site: values.site, articlesDir: directory, generated: new Date().toISOString() });
  await mkdir(dirname(out), { recursive: true });
  // Written whole or not at all: an editor never opens half a report.
  await writeFile(`${out}.${process.pid}.tmp`, html);
  await rename(`${out}.${process.pid}.tmp`, out);
  const total = stories.reduce((sum, story) => sum + story.findings.length, 0);
  console.log(`Rendering report: ${total} findings in ${stories.length} of ${checked.length} translated stories → ${relative(process.cwd(), out) || out}`);
  return 0;
}

process.exitCode = await main();
