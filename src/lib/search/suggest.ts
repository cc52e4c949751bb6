/**
 * Spellings to offer when a query finds nothing: the query with one tone mark or one leading vowel
 * added, the marks readers most often leave out (เชียงใหม → เชียงใหม่, ชียงใหม่ → เชียงใหม่). The
 * search page keeps those the index answers.
 */
const TONE_MARKS = ['่', '้', '๊', '๋'];
const LEADING_VOWELS = ['เ', 'แ', 'โ', 'ใ', 'ไ'];
const CONSONANT = /[ก-ฮ]/;
/** Marks written above or below a consonant, after which a tone mark may follow. */
const UPPER_LOWER_VOWEL = /[ัิีึืุู็]/;

export function spellingCandidates(query: string, limit = 40): string[] {
  const parts = query.split(' ');
  const out = new Set<string>();
  parts.forEach((part, p) => {
    const variants: string[] = [];
    // Marks at the end of a word are the ones most often forgotten: those first.
    for (let i = part.length - 1; i >= 0; i--) {
      const c = part[i]!;
      const next = part[i + 1] ?? '';
      // A tone mark goes on a consonant, or after a vowel written above or below it; never where one is already.
      const toneHere = (CONSONANT.test(c) || UPPER_LOWER_VOWEL.test(c)) && !/[่-๋ัิีึืุู็]/.test(next) && !(CONSONANT.test(c) && UPPER_LOWER_VOWEL.test(next));
      if (toneHere) for (const t of TONE_MARKS) variants.push(part.slice(0, i + 1) + t + part.slice(i + 1));
      if (CONSONANT.test(c) && !LEADING_VOWELS.includes(part[i - 1] ?? '')) for (const v of LEADING_VOWELS) variants.push(part.slice(0, i) + v + part.slice(i));
    }
    for (const v of variants) out.add([...parts.slice(0, p), v, ...parts.slice(p + 1)].join(' '));
  });
  return [...out].slice(0, limit);
}
