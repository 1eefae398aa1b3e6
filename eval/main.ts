/**
 * `npm run eval [-- --strict] [--only <regexp>] [--ways slots,text]`: builds the acceptance library (cached), ingests
 * it into a temporary DATA_DIR with the real ingest (no vision), starts the real stack in-process and runs every
 * query three ways; prints each failing query in full and a table per category. `--strict` exits 1 unless the slot
 * and free-text ways are 100 % exact (the utterance way is reported, not enforced).
 */
import { printAnswer, readCliArguments, usageError } from '../common/cli-arguments';
import { runEval, WAYS, type Way } from './run-eval';
import { formatReport, strictlyExact } from './report';

const USAGE = `Usage: npm run eval [-- --strict] [--only <regexp>] [--ways ${WAYS.join(',')}]

Checks the core job on the acceptance library (real photos laid out as real exports): ingests it into a temporary
DATA_DIR, starts the real stack in-process and asks every query three ways, then prints each failing query and
the exact-match rate per category and way.

Options:
  --strict          exit 1 unless the slots and text ways are 100 % exact
  --only <regexp>   only the queries whose id matches
  --ways <list>     comma-separated, some of ${WAYS.join(', ')} (default: all)
  -h, --help        this text

Environment:
  ACCEPTANCE_PHOTOS   unset → fetched   folder of the fetched photos (else scripts/fetch-acceptance-photos.sh runs)
  XDG_CACHE_HOME      ~/.cache          the built library is cached under photo-frame/acceptance-library

Exit codes: 0 done, 1 not exact with --strict (or the run failed), 2 bad usage.`;
const CLI = { name: 'eval', usage: USAGE } as const;

async function main(): Promise<number> {
  const args = readCliArguments(
    {
      ...CLI,
      options: { strict: { type: 'boolean' }, only: { type: 'string' }, ways: { type: 'string' } },
    },
    process.argv.slice(2),
  );
  if (args.kind !== 'run') return printAnswer(args);
  const { values } = args;
  const ways = values.ways === undefined ? WAYS : values.ways.split(',');
  const unknownWay = ways.find((way) => !WAYS.includes(way as Way));
  if (unknownWay !== undefined) return printAnswer(usageError(CLI, `unknown way "${unknownWay}"`));
  let only: RegExp | undefined;
  try {
    only = values.only === undefined ? undefined : new RegExp(values.only);
  } catch (error) {
    return printAnswer(usageError(CLI, `--only: ${(error as Error).message}`));
  }
  const run = await runEval({ ways: ways as Way[], only });
  process.stdout.write(formatReport(run));
  return values.strict === true && !strictlyExact(run.results) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
