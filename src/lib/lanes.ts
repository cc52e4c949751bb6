/**
 * Runs jobs in order, up to `lanes` at once, while the weights of the jobs running stay within
 * `budget`; a job heavier than the budget runs alone. Rejects with the first failure (the jobs already
 * running go on to their end). p-limit bounds how many run, not what they weigh: the search index
 * bounds the stories Pagefind holds in memory at once (search-index.ts).
 */
export function inLanes<T extends { weight: number }>(
  jobs: readonly T[],
  run: (job: T) => Promise<void>,
  limits: { lanes: number; budget: number },
): Promise<void> {
  const waiting = [...jobs];
  let running = 0;
  let weight = 0;
  return new Promise((resolve, reject) => {
    const next = () => {
      if (waiting.length === 0 && running === 0) resolve();
      while (waiting.length > 0 && running < limits.lanes && (running === 0 || weight + waiting[0]!.weight <= limits.budget)) {
        const job = waiting.shift()!;
        running += 1;
        weight += job.weight;
        run(job).then(() => {
          running -= 1;
          weight -= job.weight;
          next();
        }, reject);
      }
    };
    next();
  });
}
