/**
 * Say things once: a page does not show the reader the same words twice in a row.
 */

function plain(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A dek cut short by the importer ends in an ellipsis; what is before it is what counts. */
function withoutEllipsis(text: string): string {
  return text.replace(/\s*(…|\.\.\.)$/, '');
}

/**
 * Whether the dek only repeats what the reader is about to read: the first paragraph begins with it
 * (imported stories take their dek from it), or it is the headline again.
 */
export function dekRepeats(dek: string, headline: string, leadText: string): boolean {
  const d = plain(withoutEllipsis(dek));
  if (d === '') return true;
  return plain(leadText).startsWith(d) || d === plain(headline);
}

/**
 * The dek as a card shows it under its headline: without the headline when it begins with it (many
 * press releases open with their headline, and imported deks with their opening), or '' when
 * nothing else is left. The headline counts only when it ends where a word does in the dek.
 */
export function dekUnderHeadline(dek: string, headline: string): string {
  const d = plain(dek);
  const h = plain(headline);
  if (h === '' || !d.startsWith(h)) return d;
  const rest = d.slice(h.length);
  if (rest !== '' && !/^[\s\p{P}]/u.test(rest)) return d;
  const left = rest.replace(/^[\s:;,.\-–—]+/u, '');
  return withoutEllipsis(left) === '' ? '' : left;
}
