import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The flags a command takes, as node:util's parseArgs describes them. */
export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** Exit code for a command line that cannot be read (unknown flag, missing argument): what most CLIs use. */
export const EXIT_USAGE = 2;

export interface CliDefinition<O extends CliOptions> {
  /** The command's name in messages, e.g. `ingest`. */
  name: string;
  /** The whole `--help` text: what it does, its arguments, the environment it reads with defaults. */
  usage: string;
  /** Flags besides `--help`/`-h`, which every command has. */
  options: O;
  allowPositionals?: boolean;
}

type Parsed<O extends CliOptions> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: boolean; strict: true }>
>;

/** What a command answers instead of running: its help, or what is wrong with the command line. */
export interface CliAnswer {
  kind: 'help' | 'usage-error';
  text: string;
}

export type CliArguments<O extends CliOptions> =
  { kind: 'run'; values: Parsed<O>['values']; positionals: string[] } | CliAnswer;

/**
 * Reads a command line with node:util's parseArgs (strict: an unknown flag is an error), answering help before
 * anything else is looked at, so `--help` never opens a database or starts work.
 */
export function readCliArguments<O extends CliOptions>(
  definition: CliDefinition<O>,
  argv: readonly string[],
): CliArguments<O> {
  if (wantsHelp(argv)) {
    return { kind: 'help', text: withNewline(definition.usage) };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: definition.options,
      allowPositionals: definition.allowPositionals ?? false,
      strict: true,
    });
    return { kind: 'run', values, positionals };
  } catch (error) {
    return usageError(definition, error instanceof Error ? error.message : String(error));
  }
}

/**
 * A problem with the command line, worded for the person who typed it: the problem, the usage's first line (the
 * synopsis) and how to get the rest.
 */
export function usageError(
  definition: Pick<CliDefinition<CliOptions>, 'name' | 'usage'>,
  problem: string,
): CliAnswer {
  const synopsis = definition.usage.split('\n', 1)[0] ?? '';
  return {
    kind: 'usage-error',
    text: `${definition.name}: ${problem}\n${synopsis}\nRun with --help for the whole usage.\n`,
  };
}

/** Writes a help answer to stdout or a usage error to stderr, and answers the exit code (0 or 2). */
export function printAnswer(answer: CliAnswer): number {
  if (answer.kind === 'help') {
    process.stdout.write(answer.text);
    return 0;
  }
  process.stderr.write(answer.text);
  return EXIT_USAGE;
}

/**
 * For a command's entry point: answers `--help` on stdout (exit 0) and a bad command line on stderr (exit 2),
 * ending the process before any work; otherwise hands back the parsed flags.
 */
export function cliArgumentsOrExit<O extends CliOptions>(
  definition: CliDefinition<O>,
  argv: readonly string[] = process.argv.slice(2),
): { values: Parsed<O>['values']; positionals: string[] } {
  const parsed = readCliArguments(definition, argv);
  if (parsed.kind === 'run') return parsed;
  exitWith(parsed);
}

/** Writes a help or usage-error answer and ends the process with its exit code. */
export function exitWith(answer: CliAnswer): never {
  process.exit(printAnswer(answer));
}

/** `--help` or `-h` among the flags (before any `--` terminator). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  return flags.some((arg) => arg === '--help' || arg === '-h');
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
