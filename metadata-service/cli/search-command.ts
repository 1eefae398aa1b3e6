/**
 * The `npm run search` command itself (entry point: search.ts, whose header says what it does), callable with any
 * command line, environment and output, so its behaviour is tested in-process and the entry point once.
 */
import { EXIT_USAGE, type CliAnswer, readCliArguments, usageError } from '../../common/cli-arguments';
import { answerNothingFound } from '../../common/answers/nothing-found-answer';
import { MAX_SEARCH_PAGE, ownerIdSchema, type SearchResponse } from '../../common/contracts';
import { isAppError } from '../../common/errors';
import { createLogger } from '../../common/logger';
import { libraryDatabaseLocation, libraryEnvFrom } from '../config';
import { createLibrary, type Library } from '../library';
import { hemisphereCodeForTimeZone as hemisphereForTimeZone } from '../../common/calendar';
import type { Hemisphere } from '../query-text/types';

const DEFAULT_LIMIT = 50;

const USAGE = `Usage: npm run search -- "<free text>" [--owner <id>] [--json] [--limit <n>] [--time-zone <IANA zone>] [--hemisphere N|S] [--reference <ISO instant>] [--language en|de]

Reads the text the way the skill does (dates, places, people, albums, labels of this library), prints how it was
understood, then the total and one line per photo, or what found nothing and at most one alternative.

Arguments:
  "<free text>"              e.g. "beach photos from last summer in Santa Monica"
  --owner <id>               whose library (default: PHOTO_OWNER_ID)
  --json                     the search response and the listed photos as JSON
  --limit <n>                photos listed, 1-${MAX_SEARCH_PAGE} (default ${DEFAULT_LIMIT})
  --time-zone <IANA zone>    zone relative dates are read in (default: this machine's)
  --hemisphere N|S           seasons (default: from the time zone)
  --reference <ISO instant>  "now" for relative dates (default: the clock)
  --language en|de           the text's language: de reads German words first ("Strand" is the beach)
  -h, --help                 this text

Environment:
  DATA_DIR        ./data           SQLite file DATA_DIR/library.sqlite
  DATABASE_URL    unset → SQLite   postgres://… instead
  PHOTO_OWNER_ID  local            default owner

Exit codes: 0 answered (also when nothing was found), 2 bad usage.`;
const CLI = { name: 'search', usage: USAGE } as const;

interface Options {
  text: string;
  owner: string;
  json: boolean;
  limit: number;
  timeZone: string;
  hemisphere: Hemisphere;
  reference: Date;
  language?: 'en' | 'de';
}

interface PhotoLine {
  id: string;
  takenLocal: string | null;
  place: string | null;
  path: string;
}

/** Where the command writes: the process's own streams from the entry point, captured ones in tests. */
export interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * The whole command for a command line and an environment: answers the exit code (0 answered, also when nothing
 * was found; 2 bad usage). The entry point (search.ts) only adds .env loading and the process around it.
 */
export async function runSearchCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  output: CommandOutput,
): Promise<number> {
  const options = readOptions(argv, env);
  if (typeof options === 'string') return answerInstead(usageError(CLI, options), output);
  if ('kind' in options) return answerInstead(options, output);

  const logger = createLogger('warn', { tool: 'search' });
  const library = await createLibrary({ database: libraryDatabaseLocation(env), logger });
  try {
    // The same path as the HTTP API's `q`: one reading of free text for the CLI, the skill and any client.
    const result = await library.api.search(options.owner, {
      q: options.text,
      limit: options.limit,
      timeZone: options.timeZone,
      hemisphere: options.hemisphere,
      reference: options.reference.toISOString(),
      language: options.language,
    });
    const photos = await photoLines(library, options.owner, result);
    output.stdout.write(
      options.json
        ? `${JSON.stringify({ ...result, photos }, null, 2)}\n`
        : formatText(options.text, result, photos),
    );
    return 0;
  } catch (error) {
    if (isAppError(error) && error.status < 500) {
      output.stderr.write(`search: ${error.publicMessage}\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    await library.close();
  }
}

/** Help on stdout (exit 0), a usage error on stderr (exit 2). */
function answerInstead(answer: CliAnswer, output: CommandOutput): number {
  if (answer.kind === 'help') {
    output.stdout.write(answer.text);
    return 0;
  }
  output.stderr.write(answer.text);
  return EXIT_USAGE;
}

function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options | string | CliAnswer {
  const args = readCliArguments(
    {
      ...CLI,
      allowPositionals: true,
      options: {
        owner: { type: 'string' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        'time-zone': { type: 'string' },
        hemisphere: { type: 'string' },
        reference: { type: 'string' },
        language: { type: 'string' },
      },
    },
    argv,
  );
  if (args.kind !== 'run') return args;
  const text = args.positionals.join(' ').trim();
  if (text.length === 0) return 'expected the text to search for';
  const owner = ownerIdSchema.safeParse(args.values.owner ?? libraryEnvFrom(env).ownerId);
  if (!owner.success) return '--owner must be an owner id (letters, digits, . _ : -)';
  const limit = Number(args.values.limit ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_PAGE) {
    return `--limit must be a whole number from 1 to ${MAX_SEARCH_PAGE}`;
  }
  const timeZone = args.values['time-zone'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const hemisphere = args.values.hemisphere?.toUpperCase() ?? hemisphereForTimeZone(timeZone);
  if (hemisphere !== 'N' && hemisphere !== 'S') return '--hemisphere must be N or S';
  const reference = args.values.reference === undefined ? new Date() : new Date(args.values.reference);
  if (Number.isNaN(reference.getTime()))
    return '--reference must be an ISO date-time, e.g. 2026-03-01T12:00:00Z';
  const language = args.values.language?.toLowerCase();
  if (language !== undefined && language !== 'en' && language !== 'de') return '--language must be en or de';
  return {
    text,
    owner: owner.data,
    json: args.values.json,
    limit,
    timeZone,
    hemisphere,
    reference,
    language,
  };
}

/** Places are facts of each photo, not of the search summary: one lookup per listed photo. */
async function photoLines(library: Library, owner: string, result: SearchResponse): Promise<PhotoLine[]> {
  return Promise.all(
    result.photos.map(async (photo) => {
      const facts = await library.api.getPhoto(owner, photo.id);
      const place =
        facts.place && [facts.place.city, facts.place.region, facts.place.country].filter(Boolean);
      return {
        id: photo.id,
        takenLocal: photo.takenLocal,
        place: place && place.length > 0 ? place.join(', ') : null,
        path: photo.source.path,
      };
    }),
  );
}

function formatText(text: string, result: SearchResponse, photos: PhotoLine[]): string {
  const understood = result.understood ?? [];
  const unmatched = result.unmatched ?? [];
  const lines = [`Understood "${text}":`];
  if (understood.length === 0 && unmatched.length === 0) lines.push('  (nothing: every photo matches)');
  for (const item of understood) lines.push(`  ${item.kind.padEnd(11)} "${item.text}" → ${item.reading}`);
  if (unmatched.length > 0) lines.push(`  unknown     ${unmatched.map((w) => `"${w}"`).join(', ')}`);
  if (result.nothingFound) {
    const answer = answerNothingFound(result.nothingFound, { text, understood });
    const offer = answer.offer
      ? ` ${answer.offer}: npm run search -- ${JSON.stringify(answer.offerText ?? '')}`
      : '';
    lines.push(`${answer.said}${offer}`);
    return `${lines.join('\n')}\n`;
  }
  const span = result.span ? ` (${result.span.first} … ${result.span.last})` : '';
  lines.push(`${result.total} ${result.total === 1 ? 'photo' : 'photos'}${span}`);
  for (const photo of photos) {
    lines.push(
      [photo.id, (photo.takenLocal ?? 'undated').replace('T', ' '), photo.place ?? '-', photo.path].join(
        '  ',
      ),
    );
  }
  if (result.total > photos.length) lines.push(`… and ${result.total - photos.length} more (--limit)`);
  return `${lines.join('\n')}\n`;
}
