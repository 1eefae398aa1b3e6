/**
 * Resident memory and CPU time of a process and every process it started (vision or ingest workers, if any), read
 * from Linux's /proc: VmRSS and utime+stime of each, children from /proc/<pid>/task/<tid>/children. Hand-written
 * rather than a dependency (pidusage, pidtree): a few lines over three files.
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

/** user + system CPU seconds of a live process (clock ticks are 1/100 s on Linux). */
async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // After the command in parentheses: state is field 3, utime 14 and stime 15 (1-based), so indexes 11 and 12.
  const fields = stat.replace(/^.*\) /, '').split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

async function treeOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop() ?? pid;
    found.push(next);
    pending.push(...(await childrenOf(next)));
  }
  return found;
}

/** Sum of VmRSS over the tree rooted at `pid`, in MB, and how many processes it counted. */
export async function processTreeRss(pid: number): Promise<{ rssMb: number; processes: number }> {
  const sizes = await Promise.all((await treeOf(pid)).map(residentKb));
  const live = sizes.filter((kb) => kb > 0);
  return { rssMb: live.reduce((sum, kb) => sum + kb, 0) / 1024, processes: live.length };
}

/**
 * CPU seconds the live processes of the tree have used. Compared with the wall time it says how much of the
 * machine the server actually got (other work on a shared machine takes the rest).
 */
export async function processTreeCpuSeconds(pid: number): Promise<number> {
  const seconds = await Promise.all((await treeOf(pid)).map(cpuSecondsOf));
  return seconds.reduce((sum, s) => sum + (Number.isFinite(s) ? s : 0), 0);
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
