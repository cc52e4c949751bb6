import { describe, expect, it } from 'vitest';
import { inLanes } from '../../src/lib/lanes.ts';

/** Runs the jobs with inLanes, each taking `ms`, and records which ran together. */
async function trace(weights: number[], limits: { lanes: number; budget: number }) {
  const running = new Set<number>();
  const together: number[][] = [];
  const started: number[] = [];
  const jobs = weights.map((weight, id) => ({ id, weight }));
  await inLanes(
    jobs,
    async ({ id }) => {
      started.push(id);
      running.add(id);
      together.push([...running].sort());
      await new Promise((done) => setTimeout(done, 5 + id));
      running.delete(id);
    },
    limits,
  );
  return { started, together };
}

describe('jobs in lanes within a budget', () => {
  it('starts every job once, in order', async () => {
    const { started } = await trace([1, 1, 1, 1, 1], { lanes: 2, budget: 10 });
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('runs up to `lanes` at once while the budget allows', async () => {
    const { together } = await trace([1, 1, 1, 1], { lanes: 2, budget: 10 });
    expect(Math.max(...together.map((t) => t.length))).toBe(2);
  });

  it('never runs jobs side by side beyond the budget, and runs a job heavier than the budget alone', async () => {
    const weights = [900, 800, 300, 2000, 200, 100];
    const { together } = await trace(weights, { lanes: 2, budget: 1500 });
    for (const group of together) if (group.length > 1) expect(group.reduce((sum, id) => sum + weights[id]!, 0)).toBeLessThanOrEqual(1500);
    expect(together.filter((group) => group.includes(3))).toEqual([[3]]);
    expect(together.some((group) => group.length === 2)).toBe(true);
  });

  it('rejects with the first failure', async () => {
    const failing = inLanes([{ weight: 1 }, { weight: 1 }], async ({ weight }) => Promise.reject(new Error(`job ${weight} failed`)), { lanes: 1, budget: 1 });
    await expect(failing).rejects.toThrow('job 1 failed');
  });

  it('resolves at once with no jobs', async () => {
    await expect(inLanes([], async () => {}, { lanes: 2, budget: 1 })).resolves.toBeUndefined();
  });
});
