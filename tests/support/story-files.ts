import { ContentErrors } from '../../src/lib/content-errors.ts';
import { buildStories, type StoryFile } from '../../src/lib/story-model.ts';

/** A story file as the content loader hands it to buildStories: its id, its path and the frontmatter a test needs. */
export function storyFile(id: string, data: StoryFile['data']): StoryFile {
  return { id, filePath: `content/articles/${id}.mdx`, data };
}

/** The problems buildStories reports for some files, as messages; none when it accepts them. */
export function problemsOf(files: StoryFile[]): string[] {
  try {
    buildStories(files);
  } catch (e) {
    if (e instanceof ContentErrors) return e.problems.map((p) => p.message);
    throw e;
  }
  return [];
}
