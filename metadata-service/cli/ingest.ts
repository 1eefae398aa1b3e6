/**
 * `npm run ingest -- <folder|s3://bucket/prefix> [--owner <id>] [--no-vision] [--vision-workers N]`: indexes a
 * library of originals into the library database (DATA_DIR / DATABASE_URL), then analyses the new photos' content
 * (labels, faces → people; VISION_PROVIDER), with a progress bar per phase (rate, ETA) on stderr and a summary on
 * stdout. Safe to re-run and to interrupt: unchanged photos are not even re-read, a photo is analysed once per
 * model version, and a killed run resumes where it stopped. Exit 0 even when some files were skipped; 2 for bad
 * usage or a location that cannot be read; 1 when the vision phase as a whole failed (the files stay indexed).
 */
import '../../common/load-env';
import { availableParallelism } from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import { EXIT_USAGE, printAnswer, readCliArguments, usageError } from '../../common/cli-arguments';
import { ownerIdSchema } from '../../common/contracts';
import { isAppError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { libraryDatabaseLocation, libraryEnvFrom, s3SettingsFrom, visionSettingsFrom } from '../config';
import type { IngestProgress, IngestReport } from '../ingest/ingest-run';
import { isS3Location } from '../ingest/source-for';
import { createLibrary } from '../library';

const USAGE = `Usage: npm run ingest -- <folder|s3://bucket/prefix> [--owner <id>] [--no-vision] [--vision-workers <n>]

Indexes a library of originals (JPEG, PNG, WebP, AVIF, HEIC, TIFF, MP4/MOV, Takeout sidecars) into the library
database, then analyses the new photos' content (labels, faces → people), with a progress bar per phase. Safe to
re-run and to interrupt: unchanged files are not re-read and a killed run resumes.

Arguments:
  <folder|s3://bucket/prefix>   what to index
  --owner <id>                  owner the photos are filed under (default: PHOTO_OWNER_ID)
  --no-vision                   skip the content analysis (a fast metadata-only pass)
  --vision-workers <n>          vision worker processes, 1-64 (default: VISION_WORKERS, else one per core)
  -h, --help                    this text

Environment:
  DATA_DIR               ./data              SQLite file DATA_DIR/library.sqlite
  DATABASE_URL           unset → SQLite      postgres://… instead
  PHOTO_OWNER_ID         local               default owner
  LIBRARY_ALBUM_FOLDERS  leaf                which folders along a path become albums
  VISION_PROVIDER        local               local models or rekognition (AWS_REGION, REKOGNITION_*)
  VISION_WORKERS         one per core        local vision worker processes
  AWS_REGION, S3_ENDPOINT, S3_FORCE_PATH_STYLE   for s3:// locations (credentials: the AWS SDK's chain)

Exit codes: 0 indexed (even with skipped files), 1 the vision phase failed, 2 bad usage or unreadable location.`;
const CLI = { name: 'ingest', usage: USAGE } as const;

async function main(): Promise<number> {
  const args = readCliArguments(
    {
      ...CLI,
      allowPositionals: true,
      options: {
        owner: { type: 'string' },
        'no-vision': { type: 'boolean' },
        'vision-workers': { type: 'string' },
      },
    },
    process.argv.slice(2),
  );
  if (args.kind !== 'run') return printAnswer(args);
  const [location, ...extra] = args.positionals;
  if (location === undefined || extra.length > 0)
    return usage('expected exactly one folder or s3:// location');

  const env = libraryEnvFrom(process.env);
  const owner = ownerIdSchema.safeParse(args.values.owner ?? env.ownerId);
  if (!owner.success) return usage(`--owner must be an owner id (letters, digits, . _ : -)`);
  const workersArg = args.values['vision-workers'];
  const workers = workersArg === undefined ? undefined : Number(workersArg);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) {
    return usage('--vision-workers must be a whole number from 1 to 64');
  }
  const withVision = args.values['no-vision'] !== true;

  // Skips are listed in the summary; per-file warnings would only break the progress bar.
  const logger = createLogger('error', { tool: 'ingest' });
  const library = await createLibrary({
    database: libraryDatabaseLocation(process.env),
    logger,
    albumFolders: env.albumFolders,
    // Settings are only read for s3:// locations, so a folder ingest never fails on an S3 variable.
    s3: isS3Location(location) ? s3SettingsFrom(process.env) : undefined,
    // A dedicated ingest waits for vision (its own progress bar); --no-vision for a fast metadata-only pass.
    vision: withVision ? visionSettingsFrom(process.env, { workers }) : undefined,
  });
  const progress = progressBar();
  try {
    const report = await library.ingest(location, {
      ownerId: owner.data,
      onProgress: progress.update,
      concurrency: availableParallelism() * 2,
      vision: withVision ? 'wait' : 'off',
    });
    progress.stop();
    process.stdout.write(formatSummary(location, report));
    return report.vision?.state === 'failed' ? 1 : 0;
  } catch (error) {
    progress.stop();
    if (isAppError(error) && error.status < 500) return fail(error.publicMessage);
    throw error;
  } finally {
    await library.close();
  }
}

/**
 * One bar per phase on stderr ("ingest" reading files, "hashes" decoding the new stills, "vision" analysing them) with photos/s and ETA; a
 * phase's bar starts on its first photo, once its total is known, and ends when the next phase begins.
 */
function progressBar(): { update: (p: IngestProgress) => void; stop: () => void } {
  let current: { phase: IngestProgress['phase']; bar: SingleBar; startedAt: number } | undefined;
  const stop = () => {
    current?.bar.stop();
    current = undefined;
  };
  return {
    update({ phase, done, total, currentPath }) {
      const now = Date.now();
      if (current?.phase !== phase) {
        stop();
        const label = phase === 'metadata' ? 'ingest' : phase === 'hashes' ? 'hashes' : 'vision';
        const bar = new SingleBar(
          {
            format: `${label} [{bar}] {value}/{total} | {rate} photos/s | ETA {eta_formatted} | {file}`,
            stream: process.stderr,
            hideCursor: true,
            etaBuffer: 50,
            // Piped (CI logs, `| tee`): a plain line every few seconds instead of redrawing.
            noTTYOutput: true,
            notTTYSchedule: 5000,
          },
          Presets.shades_classic,
        );
        bar.start(total, 0, { rate: '0.0', file: '' });
        current = { phase, bar, startedAt: now };
      }
      const seconds = Math.max((now - current.startedAt) / 1000, 0.001);
      current.bar.update(done, { rate: (done / seconds).toFixed(1), file: shorten(currentPath) });
    },
    stop,
  };
}

function shorten(path: string): string {
  return path.length <= 40 ? path : `…${path.slice(-39)}`;
}

export function formatSummary(location: string, report: IngestReport): string {
  const lines = [
    `Ingested ${location}: ${report.scanned} files scanned`,
    `  indexed ${report.added}, unchanged ${report.unchanged}, updated ${report.updated}, removed ${report.removed}, skipped ${report.skipped.length}`,
  ];
  const byCode = new Map<string, typeof report.skipped>();
  for (const skip of report.skipped) byCode.set(skip.code, [...(byCode.get(skip.code) ?? []), skip]);
  for (const [code, skips] of [...byCode].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  skipped ${skips.length} ${code}:`);
    for (const skip of skips) lines.push(`    ${skip.path} (${skip.reason})`);
  }
  const vision = report.vision;
  if (vision?.state === 'done') {
    lines.push(
      `Vision (${vision.modelVersion}): analysed ${vision.analysed}, faces ${vision.faces}, people ${vision.people}, skipped ${vision.skipped.length}, failed ${vision.failed} (retried next run)`,
    );
    for (const skip of vision.skipped) lines.push(`    ${skip.path} (${skip.reason})`);
  } else if (vision?.state === 'failed') {
    lines.push(`Vision failed: ${vision.error} (the files are indexed; run again to analyse them)`);
  } else if (vision === undefined) {
    lines.push('Vision: off');
  }
  return `${lines.join('\n')}\n`;
}

function usage(problem: string): number {
  return printAnswer(usageError(CLI, problem));
}

function fail(message: string): number {
  process.stderr.write(`ingest: ${message}\n`);
  return EXIT_USAGE;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
