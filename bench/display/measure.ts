/** Small statistics and timing helpers for the bench. */

export function percentile(sortedOrNot: readonly number[], p: number): number {
  const sorted = [...sortedOrNot].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns operations per second. */
export async function throughput(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
): Promise<{ opsPerSecond: number; latenciesMs: number[] }> {
  let next = 0;
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (let index = next++; index < count; index = next++) {
        const t0 = performance.now();
        await task(index);
        latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  return { opsPerSecond: count / ((performance.now() - started) / 1000), latenciesMs };
}

export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}
