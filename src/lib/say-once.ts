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
