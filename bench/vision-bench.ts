/**
 * Vision throughput on real photos: a 50-photo set from the Debian packages the vision tests use (darknet's
 * scenes, dlib's group photos and street scenes, dlib "johns" face chips), ingested with the local provider and 2
 * worker processes. Reports photos/s over the whole vision phase (worker start-up included) and each worker's peak
 * resident memory (VmHWM from /proc/<pid>/status). Run alone with `tsx bench/vision-bench.ts`, or as part of
 * `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { createLogger } from '../common/logger';
import { cpuSeconds, peakRssMb } from '../eval/vision/analyse-set';
import { createLibrary } from '../metadata-service/library';

export const VISION_TARGET_PER_SECOND = 4;

export interface VisionBenchResult {
  /** Photos analysed (the rate's numerator). */
  photos: number;
  /** Photos given that ingest or vision skipped (a duplicate of another photo, an unreadable one). */
  notAnalysed: number;
  workers: number;
  /** Vision phase wall time, from the end of the metadata phase to the end of clustering. */
  seconds: number;
  perSecond: number;
  faces: number;
  people: number;
  /** Peak resident set of each worker process, in MB. */
  peakRssMb: { pid: number; mb: number }[];
  /**
   * CPU seconds the workers used (user + system, from /proc/<pid>/stat), and the rate they would reach with a core
   * each: on a machine shared with other work the wall-clock rate understates what the workers can do.
   */
  workerCpuSeconds: number;
  perCpuSecond: number;
}

/** Where the Debian test photos are: VISION_TEST_PHOTOS, or fetched (and cached) by the script now. */
export function visionPhotosRoot(): string {
  const given = process.env.VISION_TEST_PHOTOS?.trim();
  if (given) return given;
  const fetched = spawnSync(resolve(__dirname, '../scripts/fetch-vision-test-photos.sh'), {
    encoding: 'utf8',
  });
  if (fetched.status !== 0)
    throw new Error(`vision test photos unavailable: ${fetched.stderr.trim().slice(-300)}`);
  return fetched.stdout.trim().split('\n').pop() ?? '';
}

/** 50 photos: every darknet scene, dlib's group photos and street scenes, then face chips to fill up. */
async function copyRealSet(root: string, into: string, count: number): Promise<number> {
  const darknet = join(root, 'usr/share/darknet/data');
  const dlib = join(root, 'usr/share/doc/libdlib19.1/examples');
  const files: string[] = [
    ...(await readdir(darknet)).filter((f) => f.endsWith('.jpg')).map((f) => join(darknet, f)),
    ...(await readdir(join(dlib, 'faces')))
      .filter((f) => f.endsWith('.jpg'))
      .map((f) => join(dlib, 'faces', f)),
    join(dlib, 'mmod_cars_test_image.jpg'),
    join(dlib, 'mmod_cars_test_image2.jpg'),
  ];
  for (const person of (await readdir(join(dlib, 'johns'))).sort()) {
    for (const chip of (await readdir(join(dlib, 'johns', person))).sort())
      files.push(join(dlib, 'johns', person, chip));
  }
  const chosen = files.filter((file) => existsSync(file)).slice(0, count);
  await mkdir(into, { recursive: true });
  for (const [i, file] of chosen.entries())
    await copyFile(file, join(into, `${String(i).padStart(3, '0')}.jpg`));
  return chosen.length;
}

/** These files, copied under their own extension (the evaluation set has PNGs too). */
async function copyFiles(files: readonly string[], into: string): Promise<number> {
  await mkdir(into, { recursive: true });
  for (const [i, file] of files.entries())
    await copyFile(file, join(into, `${String(i).padStart(3, '0')}${extname(file).toLowerCase()}`));
  return files.length;
}

export async function measureVision(
  options: { photos?: number; workers?: number; files?: readonly string[] } = {},
): Promise<VisionBenchResult> {
  const workers = options.workers ?? 2;
  const dir = await mkdtemp(join(tmpdir(), 'pf-vision-bench-'));
  const peaks = new Map<number, number>();
  const cpu = new Map<number, number>();
  const sample = (pid: number) => {
    const mb = peakRssMb(pid);
    if (mb !== undefined) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, mb));
    const seconds = cpuSeconds(pid);
    if (seconds !== undefined) cpu.set(pid, Math.max(cpu.get(pid) ?? 0, seconds));
  };
  try {
    const photos = options.files
      ? await copyFiles(options.files, join(dir, 'photos'))
      : await copyRealSet(visionPhotosRoot(), join(dir, 'photos'), options.photos ?? 50);
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(dir, 'library.sqlite') },
      logger: createLogger('error'),
      vision: { provider: 'local', workers, onWorkerDispatch: ({ pid }) => sample(pid) },
    });
    let visionStarted = 0;
    let visionEnded = 0;
    // VmHWM and CPU time only grow: the last sample a worker gives before it exits is its total.
    const poll = setInterval(() => [...peaks.keys()].forEach(sample), 100);
    try {
      const report = await library.ingest(join(dir, 'photos'), {
        ownerId: 'bench',
        vision: 'wait',
        onProgress: (p) => {
          if (p.phase === 'metadata' && p.done === p.total) visionStarted = performance.now();
          if (p.phase === 'vision') [...peaks.keys()].forEach(sample);
        },
      });
      visionEnded = performance.now();
      if (report.vision?.state !== 'done')
        throw new Error(`vision did not finish: ${JSON.stringify(report.vision)}`);
      // The fixed 50-photo set must all be analysed; a wider set may hold a photo ingest skips (reported).
      if (report.vision.analysed !== photos && !options.files)
        throw new Error(`analysed ${report.vision.analysed} of ${photos}`);
      const analysed = report.vision.analysed;
      const seconds = (visionEnded - visionStarted) / 1000;
      const workerCpuSeconds = [...cpu.values()].reduce((sum, s) => sum + s, 0);
      return {
        workerCpuSeconds,
        perCpuSecond: analysed / (workerCpuSeconds / workers),
        photos: analysed,
        notAnalysed: photos - analysed,
        workers,
        seconds,
        perSecond: analysed / seconds,
        faces: report.vision.faces,
        people: report.vision.people,
        peakRssMb: [...peaks].map(([pid, mb]) => ({ pid, mb })),
      };
    } finally {
      clearInterval(poll);
      await library.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function describeVision(result: VisionBenchResult): string {
  const rss = result.peakRssMb.map((p) => `${p.mb.toFixed(0)} MB (pid ${p.pid})`).join(', ');
  return (
    `vision: ${result.photos} real photos, ${result.workers} workers: ${result.perSecond.toFixed(2)} photos/s ` +
    `(${result.seconds.toFixed(1)} s incl. worker start-up; ${result.faces} faces, ${result.people} people); ` +
    `${result.perCpuSecond.toFixed(2)} photos/s with a core per worker (${result.workerCpuSeconds.toFixed(1)} worker CPU s); ` +
    `peak RSS per worker (VmHWM): ${rss}`
  );
}

if (require.main === module) {
  measureVision().then(
    (result) => {
      console.log(describeVision(result));
      console.log(
        `target >= ${VISION_TARGET_PER_SECOND} photos/s: ${result.perSecond >= VISION_TARGET_PER_SECOND ? 'PASS' : 'MISS'}`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
