/**
 * `npm run ingest -- <folder> [--owner <id>]`: indexes a photo folder into the library database (DATA_DIR /
 * DATABASE_URL), with a progress bar on stderr and a summary on stdout. Safe to re-run: unchanged photos are skipped
 * quickly, moved ones keep their ids. Exit 0 even when some files were skipped; 2 for bad usage or a bad folder.
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { ownerIdSchema } from '../../common/contracts';
import { isAppError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { libraryDatabaseLocation, libraryEnvFrom } from '../config';
import { createLibrary, type IngestReport } from '../library';

const USAGE = 'Usage: npm run ingest -- <folder> [--owner <id>]';
const EXIT_USAGE = 2;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { owner: { type: 'string' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
  const [folder, ...extra] = args.positionals;
  if (folder === undefined || extra.length > 0) return usage('expected exactly one folder');

  const env = libraryEnvFrom(process.env);
  const owner = ownerIdSchema.safeParse(args.values.owner ?? env.ownerId);
  if (!owner.success) return usage(`--owner must be an owner id (letters, digits, . _ : -)`);

  const logger = createLogger('warn', { tool: 'ingest' });
  const library = await createLibrary({ database: libraryDatabaseLocation(process.env), logger });
  const bar = new SingleBar(
    { format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  try {
    const report = await library.ingestFolder(folder, {
      ownerId: owner.data,
      onProgress: ({ done, total, currentPath }) => {
        if (!started) {
          bar.start(total, 0, { file: '' });
          started = true;
        }
        bar.update(done, { file: currentPath });
      },
    });
    if (started) bar.stop();
    process.stdout.write(formatSummary(folder, report));
    return 0;
  } catch (error) {
    if (started) bar.stop();
    if (isAppError(error) && error.status < 500) {
      process.stderr.write(`ingest: ${error.publicMessage}\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    await library.close();
  }
}

function formatSummary(folder: string, report: IngestReport): string {
  const lines = [
    `Ingested ${folder}: ${report.scanned} JPEG files scanned`,
    `  added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, removed ${report.removed}, skipped ${report.skipped.length}`,
    ...report.skipped.map((skip) => `  skipped ${skip.path}: ${skip.code} (${skip.reason})`),
  ];
  return `${lines.join('\n')}\n`;
}

function usage(problem: string): number {
  process.stderr.write(`ingest: ${problem}\n${USAGE}\n`);
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
