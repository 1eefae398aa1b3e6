/**
 * `npm run bench:vision`: the product's local vision pipeline (metadata-service/vision: CenterNet objects,
 * BlazeFace + FaceRes faces in worker processes, the label mapping and face filter) over the labelled evaluation
 * set (eval/vision/), scored against its ground truth at the thresholds search uses, faces clustered with the
 * product's own clustering. Prints every figure with issue 13's target. Then the throughput of the whole ingest
 * path (bench/vision-bench.ts: metadata, vision, storage, clustering) on the same photos.
 *
 * The set comes from VISION_EVAL_SET (a folder made by scripts/fetch-vision-eval-set.sh) or is fetched now.
 * Flags: --workers <n> (2), --skip-ingest (only the direct pass), --dump <file> (every photo's labels with their
 * confidences and its face boxes with their scores, as JSON, to see why a figure is what it is), --write-gates (rewrite the object
 * search gates, metadata-service/vision/objects/object-search-gates.ts, from this run's calibration).
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseEvalSet } from '../eval/vision/analyse-set';
import { loadEvalSet } from '../eval/vision/eval-set';
import { calibrationPhotosOf } from '../eval/vision/object-calibration';
import { writeObjectGates } from '../eval/vision/object-gates-file';
import { scoreVision, type AnalysedPhoto } from '../eval/vision/score-vision';
import { calibrateRun, describeObjectGates } from './vision-eval-objects';
import { describeQuality, describeSpeed } from './vision-eval-report';
import { measureVision } from './vision-bench';

/** The set's folder: VISION_EVAL_SET, or fetched (and cached) by the script now. */
export function evalSetDir(): string {
  const given = process.env.VISION_EVAL_SET?.trim();
  if (given) return given;
  const fetched = spawnSync(resolve(__dirname, '../scripts/fetch-vision-eval-set.sh'), { encoding: 'utf8' });
  if (fetched.status !== 0)
    throw new Error(`vision evaluation set unavailable: ${fetched.stderr.trim().slice(-500)}`);
  return fetched.stdout.trim().split('\n').pop() ?? '';
}

function dumpOf({ photo, analysis }: AnalysedPhoto) {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    id: photo.truth.id,
    present: photo.truth.present,
    labels: analysis.labels.map((l) => `${l.label} ${l.confidence}`),
    truthFaces: photo.faces.map((f) => f.box),
    faces: analysis.faces.map((f) => [f.box.left, f.box.top, f.box.width, f.box.height, f.score].map(round)),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: '2' },
      'skip-ingest': { type: 'boolean', default: false },
      dump: { type: 'string' },
      'write-gates': { type: 'boolean', default: false },
    },
  });
  const workers = Number(values.workers);
  const dir = evalSetDir();
  const photos = await loadEvalSet(dir);
  const { run, speed } = await analyseEvalSet(photos, workers);
  const composites = photos.filter((p) => p.truth.flags.includes('composite')).length;
  console.log(describeQuality(scoreVision(run), { dir, composites }));
  const calibration = calibrationPhotosOf(run);
  console.log('');
  console.log(describeObjectGates(calibration));
  if (values['write-gates']) {
    await writeObjectGates(calibrateRun(calibration), { photos: run.length, set: basename(dir) });
    console.log('  object search gates written (re-run the bench to score with them)');
  }
  if (values.dump) await writeFile(values.dump, JSON.stringify(run.map(dumpOf), null, 1));
  console.log('');
  console.log(describeSpeed(speed));
  if (!values['skip-ingest']) {
    const ingest = await measureVision({ files: photos.map((p) => p.file), workers });
    console.log(
      describeSpeed({
        label: `vision, whole ingest path (bench/vision-bench.ts; ${ingest.notAnalysed} of the set skipped by ingest)`,
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
