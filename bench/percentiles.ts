export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function percentiles(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { p50: rank(50), p95: rank(95), runs: sorted.length };
}

/** Runs `work(i)` `warmup` times untimed, then `runs` times timed. */
export async function timeRuns(
  runs: number,
  warmup: number,
  work: (i: number) => Promise<unknown>,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work(warmup + i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(samples);
}
