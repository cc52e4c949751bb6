import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeInput } from '../src/lib/importer/decode.ts';
import { parseStory } from '../src/lib/importer/parse.ts';
const root = '/work/shared/corpus/thaigov';
const files: string[] = [];
const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name)); };
walk(root);
const bad: Record<string, number> = {}; let maxTitle = 0; let over = 0; let maxBytes = 0;
for (const f of files) {
  const b = readFileSync(f); maxBytes = Math.max(maxBytes, b.length);
  const d = decodeInput(b);
  if (!d.ok) { bad[d.reason.slice(0, 40)] = (bad[d.reason.slice(0, 40)] ?? 0) + 1; continue; }
  if (d.encoding !== 'utf-8') bad[d.encoding] = (bad[d.encoding] ?? 0) + 1;
  try { const s = parseStory(d.text); for (const v of s.versions) { maxTitle = Math.max(maxTitle, v.title.length); if (v.title.length > 300) over++; } } catch {}
}
console.log(files.length, bad, { maxTitle, over, maxBytes });
