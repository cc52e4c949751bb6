import { describe, expect, it } from 'vitest';
import { readWordList } from '../../src/lib/word-list.ts';

describe('the word list file', () => {
  it('is read line by line, and a line that is not one Thai word is named with its fix', () => {
    const { words, problems } = readWordList(Buffer.from('\uFEFF# names\r\nเครือข่าย\r\n\n  ปูติน  \nPutin\nปูติน เมียนมา\nกกกกกกกกกกกกกกกกก\n'), 'content/words.txt');
    expect([...words]).toEqual(['เครือข่าย', 'ปูติน']);
    expect(problems.map((p) => p.message.slice(0, p.message.indexOf(' is'))).join('\n')).toBe(
      ['content/words.txt:5: "Putin"', 'content/words.txt:6: "ปูติน เมียนมา"', 'content/words.txt:7: "กกกกกกกกกกกกกกกกก"'].join('\n'),
    );
    expect(problems[0]!.message).toContain('Fix: write one Thai word of up to 16 characters on the line');
    expect(readWordList(null, 'content/words.txt')).toEqual({ text: '', words: new Set(), problems: [] });
  });

  it('is refused whole, with the line, when saved in a Thai code page rather than UTF-8', () => {
    // เครือข่าย in TIS-620: U+0E01–U+0E5B at 0xA1–0xFB.
    const tis620 = Buffer.from([0x23, 0x0a, ...[...'เครือข่าย'].map((c) => c.charCodeAt(0) - 0x0e00 + 0xa0), 0x0a]);
    const { words, problems } = readWordList(tis620, 'content/words.txt');
    expect(words.size).toBe(0);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^content\/words\.txt:2: column 1 has bytes that are not UTF-8 .* Fix: save the file as UTF-8/),
    ]);
  });
});
