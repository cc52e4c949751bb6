import type { AstroIntegrationLogger } from 'astro';
import { readStoryBody } from '../data/story-bodies.ts';
import { checkRecordedPairs, describeFinding, storyText, type CheckCache, type StoryText } from '../lib/rendering-check/content.ts';
import { storyFolder, type Story, type StoryFile } from '../lib/story-model.ts';

/** How many findings the build log spells out; `npm run check:renderings` lists them all. */
const SHOWN = 20;

type RecordedFile = StoryFile<{ title: string; translation?: unknown }> & { digest?: string | number | undefined };

/** A version as the check reads it: its title and the blocks the loader recorded for it (its stored body). */
function recordedText(file: RecordedFile): StoryText {
  const body = readStoryBody(file);
  return storyText({ text: file.data.title, line: body.titleLine }, body.blocks, file.data.translation !== undefined);
}

/**
 * Checks the figures of every rendering against its original (src/lib/rendering-check) and reports
 * what it finds as build warnings: a wrong figure in a rendering should be seen, but must not stop
 * publishing. Pairs checked before by the same code are read back from the cache.
 */
export async function reportRenderingFindings(stories: readonly Story<RecordedFile>[], cache: CheckCache, logger: AstroIntegrationLogger): Promise<void> {
  const pairs = stories.flatMap(({ slug, versions: { th, en } }) =>
    th && en
      ? [
          {
            slug,
            directory: storyFolder(th.id) || '.',
            digests: { th: String(th.digest), en: String(en.digest) },
            texts: () => ({ thai: recordedText(th), english: recordedText(en) }),
          },
        ]
      : [],
  );
  // In the order of their folders, as `npm run check:renderings` lists them.
  pairs.sort((a, b) => (a.directory < b.directory ? -1 : a.directory > b.directory ? 1 : 0));
  const checked = await checkRecordedPairs(pairs, cache);
  const findings = checked.flatMap((s) => s.findings.map((f) => describeFinding(f, s.slug, s.english)));
  if (findings.length === 0) {
    logger.info(`rendering check: no findings in ${checked.length} translated stories`);
    return;
  }
  for (const text of findings.slice(0, SHOWN)) logger.warn(text);
  logger.warn(
    `rendering check: ${findings.length} findings in ${checked.filter((s) => s.findings.length > 0).length} of ${checked.length} translated stories` +
      (findings.length > SHOWN ? ` (first ${SHOWN} shown)` : '') +
      "; npm run report:renderings writes the editor's report, both paragraphs side by side with links to the page and the line to edit (reports/renderings.html)",
  );
}
