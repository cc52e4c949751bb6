/**
 * Sorting results newest first needs each result's date before its details load. Each bundle lists
 * its results' publication times (minutes since 1970, by result id) in this file, fetched only when
 * the reader sorts by date; a bundle's file changes only when its own stories do.
 */
export const DATES_FILE = 'dates.json';

export function publicationMinute(date: string): number {
  const time = new Date(date).getTime();
  return Number.isNaN(time) ? 0 : Math.floor(time / 60_000);
}
