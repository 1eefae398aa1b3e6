/**
 * `npm run ingest -- <folder|s3://bucket/prefix> [--owner <id>]`: indexes a library of originals into the library
 * database (DATA_DIR / DATABASE_URL), with a progress bar (rate, ETA) on stderr and a summary on stdout. Safe to
 * re-run and to interrupt: unchanged photos are not even re-read, and a killed run resumes where it stopped.
 * Exit 0 even when some files were skipped; 2 for bad usage or a location that cannot be read.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { ownerIdSchema } from '../../common/contracts';
import { isAppError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { libraryDatabaseLocation, libraryEnvFrom, s3SettingsFrom } from '../config';
import type { IngestProgress, IngestReport } from '../ingest/ingest-run';
import { isS3Location } from '../ingest/source-for';
import { createLibrary } from '../library';

const USAGE = 'Usage: npm run ingest -- <folder|s3://bucket/prefix> [--owner <id>]';
const EXIT_USAGE = 2;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { owner: { type: 'string' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
  const [location, ...extra] = args.positionals;
  if (location === undefined || extra.length > 0)
    return usage('expected exactly one folder or s3:// location');

  const env = libraryEnvFrom(process.env);
  const owner = ownerIdSchema.safeParse(args.values.owner ?? env.ownerId);
  if (!owner.success) return usage(`--owner must be an owner id (letters, digits, . _ : -)`);

  // Skips are listed in the summary; per-file warnings would only break the progress bar.
  const logger = createLogger('error', { tool: 'ingest' });
  const library = await createLibrary({
    database: libraryDatabaseLocation(process.env),
    logger,
    albumFolders: env.albumFolders,
    // Settings are only read for s3:// locations, so a folder ingest never fails on an S3 variable.
    s3: isS3Location(location) ? s3SettingsFrom(process.env) : undefined,
  });
  const progress = progressBar();
  try {
    const report = await library.ingest(location, {
      ownerId: owner.data,
      onProgress: progress.update,
      concurrency: availableParallelism() * 2,
    });
    progress.stop();
    process.stdout.write(formatSummary(location, report));
    return 0;
  } catch (error) {
    progress.stop();
    if (isAppError(error) && error.status < 500) return fail(error.publicMessage);
    throw error;
  } finally {
    await library.close();
  }
}

/** A bar on stderr with photos/s and ETA; it starts on the first file, once the listing has given a total. */
function progressBar(): { update: (p: IngestProgress) => void; stop: () => void } {
  const bar = new SingleBar(
    {
      format: 'ingest [{bar}] {value}/{total} | {rate} photos/s | ETA {eta_formatted} | {file}',
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      // Piped (CI logs, `| tee`): a plain line every few seconds instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  let startedAt: number | undefined;
  return {
    update({ done, total, currentPath }) {
      const now = Date.now();
      if (startedAt === undefined) {
        startedAt = now;
        bar.start(total, 0, { rate: '0.0', file: '' });
      }
      const seconds = Math.max((now - startedAt) / 1000, 0.001);
      bar.update(done, { rate: (done / seconds).toFixed(1), file: shorten(currentPath) });
    },
    stop() {
      if (startedAt !== undefined) bar.stop();
      startedAt = undefined;
    },
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
  return `${lines.join('\n')}\n`;
}

function usage(problem: string): number {
  process.stderr.write(`ingest: ${problem}\n${USAGE}\n`);
  return EXIT_USAGE;
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
