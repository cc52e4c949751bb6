import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeInput } from '../src/lib/importer/decode.ts';
const root = '/work/shared/corpus/thaigov';
const files: string[] = [];
const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name)); };
walk(root);
for (const f of files) { const d = decodeInput(readFileSync(f)); if (!d.ok) { const t = readFileSync(f,'utf8'); const m = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.exec(t)!; console.log(f.replace(root,''), d.reason.slice(0,70), JSON.stringify(t.slice(Math.max(0,m.index-20), m.index+20))); } }
