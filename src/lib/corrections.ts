/**
 * Corrections: a version of a story (the original or a rendering) lists what was wrong and when it
 * was put right. The page shows the latest under the headline and all of them at the end; a rendering
 * whose original was corrected after the rendering last changed warns that it may be out of date.
 */

export interface Correction {
  date: Date;
  text: string;
}

interface VersionDates {
  published?: Date | undefined;
  updated?: Date | undefined;
  corrections: readonly Correction[];
}

/** Oldest first, as a corrections list reads. */
export function correctionsInOrder(corrections: readonly Correction[]): Correction[] {
  return [...corrections].sort((a, b) => a.date.getTime() - b.date.getTime());
}

export function latestCorrection(corrections: readonly Correction[]): Correction | null {
  return correctionsInOrder(corrections).at(-1) ?? null;
}

/** When a version last changed, as far as its front matter says: its dates and its corrections. */
export function lastChanged(version: VersionDates): Date | null {
  const times = [version.published, version.updated, ...version.corrections.map((c) => c.date)]
    .filter((d): d is Date => d !== undefined)
    .map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/**
 * The original's correction that a rendering has not caught up with: the latest correction of the
 * original made after the rendering last changed (a rendering with no dates of its own has caught up
 * with nothing). Null when the rendering is current.
 */
export function correctionNotInRendering(original: VersionDates, rendering: VersionDates): Correction | null {
  const latest = latestCorrection(original.corrections);
  if (!latest) return null;
  const changed = lastChanged(rendering);
  return changed === null || changed < latest.date ? latest : null;
}
