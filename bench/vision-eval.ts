/**
 * `npm run bench:vision`: the product's local vision pipeline (metadata-service/vision: CenterNet objects,
 * BlazeFace + FaceRes faces in worker processes, the label mapping and face filter) over the labelled evaluation
 * set (eval/vision/), scored against its ground truth at the thresholds search uses, faces clustered with the
 * product's own clustering. Prints every figure with issue 13's target. Then the throughput of the whole ingest
 * path (bench/vision-bench.ts: metadata, vision, storage, clustering) on the same photos.
 *
 * The set comes from VISION_EVAL_SET (a folder made by scripts/fetch-vision-eval-set.sh) or is fetched now.
 * Flags: --workers <n> (2), --skip-ingest (only the direct pass).
 */
import { spawnSync } from 'node:child_process';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from '../common/logger';
import { loadEvalSet, type EvalPhoto } from '../eval/vision/eval-set';
import { scoreVision, type AnalysedPhoto } from '../eval/vision/score-vision';
import { forEachBounded } from '../metadata-service/ingest/ingest-run';
import { createLocalLabelProvider } from '../metadata-service/vision/local-provider';
import { createOriginalReader } from '../metadata-service/vision/original-reader';
import { describeQuality, describeSpeed, type SpeedFigures } from './vision-eval-report';
import { cpuSeconds, measureVision, peakRssMb } from './vision-bench';

const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** The set's folder: VISION_EVAL_SET, or fetched (and cached) by the script now. */
export function evalSetDir(): string {
  const given = process.env.VISION_EVAL_SET?.trim();
  if (given) return given;
  const fetched = spawnSync(resolve(__dirname, '../scripts/fetch-vision-eval-set.sh'), { encoding: 'utf8' });
  if (fetched.status !== 0)
    throw new Error(`vision evaluation set unavailable: ${fetched.stderr.trim().slice(-500)}`);
  return fetched.stdout.trim().split('\n').pop() ?? '';
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: '2' },
      'skip-ingest': { type: 'boolean', default: false },
    },
  });
  const workers = Number(values.workers);
  const dir = evalSetDir();
  const photos = await loadEvalSet(dir);
  const { run, speed } = await analyseEvalSet(photos, workers);
  const composites = photos.filter((p) => p.truth.flags.includes('composite')).length;
  console.log(describeQuality(scoreVision(run), { dir, composites }));
  console.log('');
  console.log(describeSpeed(speed));
  if (!values['skip-ingest']) {
    const ingest = await measureVision({ files: photos.map((p) => p.file), workers });
    console.log(
      describeSpeed({
        label: 'vision, whole ingest path (bench/vision-bench.ts)',
        photos: ingest.photos,
        workers: ingest.workers,
        seconds: ingest.seconds,
        perSecond: ingest.perSecond,
        perCpuSecond: ingest.perCpuSecond,
        peakRssMb: ingest.peakRssMb,
      }),
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
