import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { woffToSfnt } from './woff.ts';

/** One face in the two forms the renderers want: WOFF bytes for satori, a TTF file for resvg. */
export interface OgFonts {
  satori: { name: string; data: Buffer; weight: 700; style: 'normal' }[];
  files: string[];
}

// Fontsource ships Noto Sans Thai as per-subset files; the Thai subset has no Latin letters.
const FACES = [
  { subset: 'thai', name: 'Noto Sans Thai' },
  { subset: 'latin', name: 'Noto Sans Thai Latin' },
] as const;

/** Reads the fonts from the installed npm package (never the network) and writes TTF copies under `dir`. */
export async function loadOgFonts(dir: string, projectRoot: string): Promise<OgFonts> {
  const require = createRequire(join(projectRoot, 'package.json'));
  await mkdir(dir, { recursive: true });
  const weight = 700 as const; // the card uses one weight, see card.ts
  const loaded = await Promise.all(
    FACES.map(async ({ subset, name }) => {
      const file = `noto-sans-thai-${subset}-${weight}-normal`;
      const data = await readFile(require.resolve(`@fontsource/noto-sans-thai/files/${file}.woff`));
      const ttf = join(dir, `${file}.ttf`);
      // Renamed into place: another build sharing the folder may be reading the file right now.
      await writeFile(`${ttf}.${process.pid}.partial`, woffToSfnt(data));
      await rename(`${ttf}.${process.pid}.partial`, ttf);
      return { satori: { name, data, weight, style: 'normal' as const }, ttf };
    }),
  );
  return { satori: loaded.map((l) => l.satori), files: loaded.map((l) => l.ttf) };
}
