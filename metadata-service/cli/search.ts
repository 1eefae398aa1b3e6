/**
 * `npm run search -- "<free text>" [--owner <id>] [--json] [--limit <n>]`: reads the text the way the skill would
 * (dates, places, people, albums, labels of this library), prints how it was understood, then the total and one
 * line per photo, or what found nothing and at most one alternative as an offer (common/answers: the web frame
 * says the same). Searches the library in DATA_DIR (or DATABASE_URL). Dates are relative to now in this machine's
 * time zone; `--time-zone`, `--hemisphere` and `--reference <ISO instant>` say otherwise. Exit 2 for bad usage.
 */
import '../../common/load-env';
import { runSearchCommand } from './search-command';

runSearchCommand(process.argv.slice(2), process.env, process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`search failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
