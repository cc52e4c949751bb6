import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface BuiltPage {
  /** The URL path the page is served at, e.g. /th/articles/x/. */
  path: string;
  file: string;
  root: HTMLElement;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return files.flat();
}

/** Every file of a built site, as URL paths ("/th/index.html" → "/th/"). */
export async function listSiteFiles(siteDir: string): Promise<string[]> {
  return (await walk(siteDir)).map((f) => '/' + relative(siteDir, f).split(sep).join('/'));
}

export function pathOfFile(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Every HTML page of a built site, parsed. */
export async function readBuiltPages(siteDir: string): Promise<BuiltPage[]> {
  const files = (await listSiteFiles(siteDir)).filter((f) => f.endsWith('.html'));
  return Promise.all(
    files.map(async (file) => ({
      path: pathOfFile(file),
      file,
      root: parse(await readFile(join(siteDir, file), 'utf8')),
    })),
  );
}
