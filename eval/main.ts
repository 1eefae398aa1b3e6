/**
 * `npm run eval [-- --strict] [--only <regexp>] [--ways slots,text]`: builds the acceptance library (cached), ingests
 * it into a temporary DATA_DIR with the real ingest (no vision), starts the real stack in-process and runs every
 * query three ways; prints each failing query in full and a table per category. `--strict` exits 1 unless the slot
 * and free-text ways are 100 % exact (the utterance way is reported, not enforced).
 */
import { parseArgs } from 'node:util';
import { runEval, WAYS, type Way } from './run-eval';
import { formatReport, strictlyExact } from './report';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { strict: { type: 'boolean' }, only: { type: 'string' }, ways: { type: 'string' } },
  });
  const ways = values.ways === undefined ? WAYS : (values.ways.split(',') as Way[]);
  const run = await runEval({ ways, only: values.only === undefined ? undefined : new RegExp(values.only) });
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
