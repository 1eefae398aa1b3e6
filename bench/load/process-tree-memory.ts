/**
 * Resident memory of a process and every process it started (vision or ingest workers, if any), read from Linux's
 * /proc: VmRSS of each, children from /proc/<pid>/task/<tid>/children. Hand-written rather than a dependency
 * (pidusage, pidtree): it is a dozen lines over two files, and what the brief asks to sample.
 */
import { readFile, readdir } from 'node:fs/promises';

async function residentKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
}

async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(
    tasks.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')),
  );
  return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
}

/** Sum of VmRSS over the tree rooted at `pid`, in MB, and how many processes it counted. */
export async function processTreeRss(pid: number): Promise<{ rssMb: number; processes: number }> {
  let kb = 0;
  let processes = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop() ?? pid;
    const own = await residentKb(next);
    if (own === 0) continue;
    kb += own;
    processes += 1;
    pending.push(...(await childrenOf(next)));
  }
  return { rssMb: kb / 1024, processes };
}

export interface MemorySampler {
  /** The largest tree RSS seen so far, and the most processes the tree had. */
  peak(): { rssMb: number; processes: number };
  stop(): void;
}

/** Samples the tree every `intervalMs` until stopped (peaks between samples can be missed; 250 ms is fine-grained). */
export function sampleProcessTree(pid: number, intervalMs = 250): MemorySampler {
  let peakMb = 0;
  let peakProcesses = 0;
  const sample = async () => {
    const { rssMb, processes } = await processTreeRss(pid);
    peakMb = Math.max(peakMb, rssMb);
    peakProcesses = Math.max(peakProcesses, processes);
  };
  void sample();
  const timer = setInterval(() => void sample(), intervalMs);
  return {
    peak: () => ({ rssMb: peakMb, processes: peakProcesses }),
    stop: () => clearInterval(timer),
  };
}
