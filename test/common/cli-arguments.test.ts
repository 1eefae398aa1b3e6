import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCliArguments, wantsHelp } from '../../common/cli-arguments';

const ROOT = join(__dirname, '..', '..');

/**
 * Every command a person runs, with the first words of its usage. An unknown flag is tried on one command per way
 * of reading flags (none, the shared reader in a command returning its code, in a library function, the
 * simulator's own): each child process costs seconds of CPU compiling its imports.
 */
const COMMANDS: ReadonlyArray<{ entry: string; usage: RegExp; tryUnknownFlag?: true }> = [
  { entry: 'server/main.ts', usage: /^Usage: npm start/, tryUnknownFlag: true },
  { entry: 'display-service/standalone/main.ts', usage: /^Usage: npm run start:display/ },
  { entry: 'metadata-service/standalone/main.ts', usage: /^Usage: npm run start:library/ },
  {
    entry: 'metadata-service/cli/ingest.ts',
    usage: /^Usage: npm run ingest -- <folder/,
    tryUnknownFlag: true,
  },
  { entry: 'metadata-service/cli/search.ts', usage: /^Usage: npm run search -- "<free text>"/ },
  {
    entry: 'server/cli/credentials.ts',
    usage: /^Usage: npm run credentials -- create\|list\|revoke/,
    tryUnknownFlag: true,
  },
  {
    entry: 'tools/alexa-simulator/main.ts',
    usage: /^Usage: npm run alexa -- "<utterance>"/,
    tryUnknownFlag: true,
  },
  { entry: 'eval/main.ts', usage: /^Usage: npm run eval/ },
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, entry), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('command lines (common/cli-arguments)', () => {
  const definition = {
    name: 'tool',
    usage: 'Usage: tool <thing> [--count <n>]\n\nDoes a thing.',
    allowPositionals: true,
    options: { count: { type: 'string' } },
  } as const;

  it('answers help before reading anything else, even next to a bad flag', () => {
    assert.deepEqual(readCliArguments(definition, ['--bogus', '-h']), {
      kind: 'help',
      text: 'Usage: tool <thing> [--count <n>]\n\nDoes a thing.\n',
    });
    assert.equal(readCliArguments(definition, ['x', '--help']).kind, 'help');
    // After `--` it is an argument like any other.
    const literal = readCliArguments(definition, ['--', '--help']);
    assert.equal(literal.kind, 'run');
    assert.deepEqual(literal.kind === 'run' ? literal.positionals : [], ['--help']);
    assert.equal(wantsHelp(['--', '-h']), false);
  });

  it('refuses an unknown flag with the problem, the synopsis and where help is', () => {
    const answer = readCliArguments(definition, ['x', '--bogus']);
    assert.equal(answer.kind, 'usage-error');
    assert.match(answer.kind === 'usage-error' ? answer.text : '', /^tool: Unknown option '--bogus'/);
    assert.match(answer.kind === 'usage-error' ? answer.text : '', /\nUsage: tool <thing> \[--count <n>\]\n/);
    assert.match(answer.kind === 'usage-error' ? answer.text : '', /Run with --help/);
    const parsed = readCliArguments(definition, ['x', '--count', '3']);
    assert.deepEqual(parsed.kind === 'run' ? [parsed.values.count, parsed.positionals] : [], ['3', ['x']]);
  });

  describe('every command, as a child process', function () {
    this.timeout(240_000);
    let dir: string;
    let results: Array<{ entry: string; usage: RegExp; help: Run; unknown?: Run }>;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pf-cli-help-'));
      // A DATA_DIR that does not exist: help must not create it (no database, no demo library, no secrets).
      const env = { DATA_DIR: join(dir, 'data'), PORT: '1', LOG_LEVEL: 'silent' };
      results = await Promise.all(
        COMMANDS.map(async (command) => ({
          ...command,
          help: await run(command.entry, ['--help'], env),
          unknown: command.tryUnknownFlag ? await run(command.entry, ['--no-such-flag'], env) : undefined,
        })),
      );
    });

    after(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('prints its usage and exits 0 on --help, before doing any work', () => {
      for (const { entry, usage, help } of results) {
        assert.equal(help.code, 0, `${entry}: ${help.stderr}`);
        assert.match(help.stdout, usage, entry);
        assert.match(help.stdout, /\nEnvironment/, `${entry} names the environment it reads`);
        assert.equal(help.stderr, '', entry);
      }
      assert.equal(existsSync(join(dir, 'data')), false, 'no command created DATA_DIR');
    });

    it('exits 2 naming an unknown flag', () => {
      const tried = results.flatMap(({ entry, unknown }) => (unknown ? [{ entry, unknown }] : []));
      assert.equal(tried.length, 4);
      for (const { entry, unknown } of tried) {
        assert.equal(unknown.code, 2, `${entry}: ${unknown.stderr}`);
        assert.match(unknown.stderr, /--no-such-flag/, entry);
      }
      assert.equal(existsSync(join(dir, 'data')), false, 'no command created DATA_DIR');
    });
  });
});
