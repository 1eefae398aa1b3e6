/**
 * The evaluation set through the product's local provider (what the vision stage calls for each photo: a worker
 * process decodes, detects objects and faces, filters faces to people; the provider maps objects to labels), with
 * the workers' throughput, CPU time and peak memory. Used by `npm run bench:vision` and the CI quality test.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogger } from '../../common/logger';
import { forEachBounded } from '../../metadata-service/ingest/ingest-run';
import { createLocalLabelProvider } from '../../metadata-service/vision/local-provider';
import { createOriginalReader } from '../../metadata-service/vision/original-reader';
import type { EvalPhoto } from './eval-set';
import type { AnalysedPhoto } from './score-vision';

const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

export interface SpeedFigures {
  label: string;
  photos: number;
  workers: number;
  perSecond: number;
  seconds: number;
  /** The rate with a core per worker: on a shared machine the wall-clock rate understates the workers. */
  perCpuSecond: number;
  peakRssMb: { pid: number; mb: number }[];
}

/** user + system CPU seconds of a live process (clock ticks are 1/100 s on Linux). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based), i.e. indexes 11 and 12 here.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Peak resident set (VmHWM) of a live process, in MB. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Every photo through the local provider (what the vision stage calls), timed from worker start-up. */
export async function analyseEvalSet(
  photos: readonly EvalPhoto[],
  workers: number,
): Promise<{ run: AnalysedPhoto[]; speed: SpeedFigures }> {
  const peaks = new Map<number, number>();
  const cpu = new Map<number, number>();
  const sample = (pid: number) => {
    const mb = peakRssMb(pid);
    if (mb !== undefined) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, mb));
    const seconds = cpuSeconds(pid);
    if (seconds !== undefined) cpu.set(pid, Math.max(cpu.get(pid) ?? 0, seconds));
  };
  const originals = createOriginalReader(undefined);
  const started = performance.now();
  const provider = createLocalLabelProvider({
    workers,
    logger: createLogger('error'),
    originals,
    onDispatch: ({ pid }) => sample(pid),
  });
  // VmHWM and CPU time only grow: the last sample before a worker exits is its total.
  const poll = setInterval(() => provider.workerPids().forEach(sample), 100);
  const run: AnalysedPhoto[] = [];
  try {
    await forEachBounded(photos, provider.concurrency, async (photo) => {
      const mediaType = MEDIA_TYPES[extname(photo.file).toLowerCase()];
      if (!mediaType) throw new Error(`${photo.file}: not a JPEG or PNG`);
      const analysis = await provider.analyse({
        photoId: photo.truth.id,
        ownerId: 'bench',
        uri: pathToFileURL(photo.file).href,
        mediaType,
      });
      run.push({ photo, analysis });
    });
    provider.workerPids().forEach(sample);
  } finally {
    clearInterval(poll);
    await provider.close();
    originals.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const workerCpuSeconds = [...cpu.values()].reduce((sum, s) => sum + s, 0);
  const order = new Map(photos.map((photo, i) => [photo.truth.id, i]));
  run.sort((a, b) => (order.get(a.photo.truth.id) ?? 0) - (order.get(b.photo.truth.id) ?? 0));
  return {
    run,
    speed: {
      label: 'vision, direct pass (local provider)',
      photos: run.length,
      workers,
      seconds,
      perSecond: run.length / seconds,
      perCpuSecond: run.length / (workerCpuSeconds / workers),
      peakRssMb: [...peaks].map(([pid, mb]) => ({ pid, mb })),
    },
  };
}
