/**
 * The site's word list, content/words.txt: Thai words every story keeps whole on a line where it uses
 * them (see buildLexicon and learnSiteWords in thai-lines.ts). One word per line, `#` starts a note.
 * Its bytes are checked as a story file's are (UTF-8 only, no control characters), then each line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ContentError } from './content-errors.ts';
import { decodeStoryFile } from './frontmatter-checks.ts';
import { MAX_WORD_LENGTH, THAI_LETTERS } from './thai-lines.ts';

/** The word list's file beside the stories folder, and what its opening note tells editors. */
export const WORD_LIST_FILE = 'words.txt';
export const WORD_LIST_HEADER = [
  '# Thai words kept whole on a line wherever a story uses them: names and loanwords the browser',
  `# would break (เครือ|ข่าย, แพค|เกจ). One word per line, Thai letters only, up to ${MAX_WORD_LENGTH} characters.`,
  '# `npm run words` adds the words that two stories or more repeat or name; add your own freely.',
];

export interface WordList {
  /** The file's text as decoded ('' for no file, or one that could not be decoded). */
  text: string;
  words: Set<string>;
  /** Each problem as `file:line` with its fix: bytes that are not text, or a line that is not one word. */
  problems: ContentError[];
}

/** Why a line of the word list cannot be a word to keep whole, or null when it can. */
function wordProblem(word: string): string | null {
  if (!THAI_LETTERS.test(word)) return `"${word}" is not one Thai word: only Thai letters, vowels and tone marks, no spaces, digits or Latin`;
  if (word.length > MAX_WORD_LENGTH) return `"${word}" is ${word.length} characters, longer than the ${MAX_WORD_LENGTH} a phone line holds`;
  return null;
}

/** The word list from its file's bytes (null: the site has none), `file` as messages name it. */
export function readWordList(bytes: Uint8Array | null, file: string): WordList {
  const list: WordList = { text: '', words: new Set(), problems: [] };
  if (!bytes) return list;
  const decoded = decodeStoryFile(bytes, file);
  if ('error' in decoded) {
    list.problems.push(decoded.error);
    return list;
  }
  list.text = decoded.text;
  decoded.text.split('\n').forEach((raw, index) => {
    const word = raw.trim().normalize('NFC');
    if (word === '' || word.startsWith('#')) return;
    const problem = wordProblem(word);
    if (problem) {
      const fix = `write one Thai word of up to ${MAX_WORD_LENGTH} characters on the line, or start the line with # to keep it as a note`;
      list.problems.push(new ContentError({ file, line: index + 1, problem, fix }));
    } else list.words.add(word);
  });
  return list;
}

/** The word list in the file at `path`, an empty one when there is no file; `shown` names it in messages. */
export function readWordListFile(path: string, shown = path): WordList {
  return readWordList(existsSync(path) ? readFileSync(path) : null, shown);
}
