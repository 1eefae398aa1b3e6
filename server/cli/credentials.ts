/**
 * `npm run credentials -- create|list|revoke`: the owners' credentials in the library's database (DATA_DIR or
 * DATABASE_URL, as `npm start` reads them). A token is printed once, when it is created; only its hash is kept.
 *
 *   npm run credentials -- create [--owner ID] [--scope owner|library:read|library:write|display]… [--label TEXT]
 *   npm run credentials -- list [--owner ID] [--json]
 *   npm run credentials -- revoke <credential id>
 */
import '../../common/load-env';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { EXIT_USAGE, readCliArguments, usageError } from '../../common/cli-arguments';
import { CredentialRepository, type CredentialInfo } from '../../common/auth/credential-repository';
import type { CredentialDatabase } from '../../common/auth/credential-schema';
import { CREDENTIAL_SCOPES, credentialScopeSchema } from '../../common/auth/scopes';
import { ownerIdSchema } from '../../common/contracts';
import { openDatabase } from '../../common/database';
import { createLogger } from '../../common/logger';
import { parseInput } from '../../common/validation';
import { libraryDatabaseLocation, libraryEnvFrom } from '../../metadata-service/config';
import { migrateLibraryDatabase } from '../../metadata-service/database/migrations';

const USAGE = `Usage: npm run credentials -- create|list|revoke [options]

Creates, lists and revokes owners' credentials in the library's database. A token is printed once, when it is
created; only its hash is kept.

  npm run credentials -- create [--owner ID] [--scope ${CREDENTIAL_SCOPES.join('|')}]... [--label TEXT] [--json]
  npm run credentials -- list [--owner ID] [--json]
  npm run credentials -- revoke <credential id>

Options:
  --owner ID     owner (default: PHOTO_OWNER_ID); for list, only this owner's
  --scope S      what the credential may do, repeatable (default: owner, which is everything)
  --label TEXT   what the credential is for (shown by list)
  --json         machine-readable output
  -h, --help     this text

Environment:
  DATA_DIR        ./data           SQLite file DATA_DIR/library.sqlite (as npm start reads it)
  DATABASE_URL    unset → SQLite   postgres://… instead
  PHOTO_OWNER_ID  local            default owner

Exit codes: 0 done, 1 nothing to revoke, 2 bad usage.`;
const CLI = { name: 'credentials', usage: USAGE } as const;

const createOptionsSchema = z.object({
  owner: ownerIdSchema,
  scopes: z.array(credentialScopeSchema).min(1),
  label: z.string().trim().min(1).max(200),
});

export interface CliIo {
  out: (text: string) => void;
  /** Where usage errors go (default: `out`). */
  err?: (text: string) => void;
}

/** Runs one command; answers the process exit code. */
export async function runCredentialsCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  const args = readCliArguments(
    {
      ...CLI,
      allowPositionals: true,
      options: {
        owner: { type: 'string' },
        scope: { type: 'string', multiple: true },
        label: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    },
    argv,
  );
  const err = io.err ?? io.out;
  if (args.kind !== 'run') {
    (args.kind === 'help' ? io.out : err)(args.text.trimEnd());
    return args.kind === 'help' ? 0 : EXIT_USAGE;
  }
  const { values, positionals } = args;
  const [command, ...rest] = positionals;
  if (!isCommand(command, rest)) {
    err(usageError(CLI, 'expected create, list or revoke <credential id>').text.trimEnd());
    return EXIT_USAGE;
  }
  const location = libraryDatabaseLocation(env);
  if (location.kind === 'sqlite') mkdirSync(dirname(location.file), { recursive: true });
  const db = openDatabase<CredentialDatabase>(location);
  try {
    await migrateLibraryDatabase(db as Kysely<unknown>, createLogger('silent'));
    const credentials = new CredentialRepository(db);
    if (command === 'create' && rest.length === 0) {
      const parsed = createOptionsSchema.safeParse({
        owner: values.owner ?? libraryEnvFrom(env).ownerId,
        scopes: values.scope ?? ['owner'],
        label: values.label ?? 'created with npm run credentials',
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const problem = `--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'}`;
        err(usageError(CLI, problem).text.trimEnd());
        return EXIT_USAGE;
      }
      const options = parsed.data;
      const { token, credential } = await credentials.create({
        ownerId: options.owner,
        scopes: options.scopes,
        label: options.label,
      });
      io.out(
        values.json
          ? JSON.stringify({ token, credential })
          : [
              `Created ${credential.id} for owner ${credential.ownerId} (${credential.scopes.join(', ')}).`,
              `Token (shown once; send it as "Authorization: Bearer <token>"):`,
              token,
            ].join('\n'),
      );
      return 0;
    }
    if (command === 'list' && rest.length === 0) {
      const owner = values.owner === undefined ? undefined : parseInput(ownerIdSchema, values.owner);
      const list = await credentials.list(owner);
      io.out(values.json ? JSON.stringify(list) : list.map(describe).join('\n') || 'No credentials.');
      return 0;
    }
    if (command === 'revoke' && rest.length === 1 && rest[0] !== undefined) {
      const revoked = await credentials.revoke(rest[0]);
      io.out(revoked ? `Revoked ${rest[0]}.` : `No active credential ${rest[0]}.`);
      return revoked ? 0 : 1;
    }
    io.out(USAGE);
    return EXIT_USAGE;
  } finally {
    await db.destroy();
  }
}

/** A known command with the right number of arguments: checked before the database is opened. */
function isCommand(command: string | undefined, rest: string[]): boolean {
  if (command === 'create' || command === 'list') return rest.length === 0;
  return command === 'revoke' && rest.length === 1;
}

function describe(c: CredentialInfo): string {
  const state = c.revokedAt === null ? 'active' : `revoked ${c.revokedAt}`;
  return `${c.id}  owner=${c.ownerId}  scopes=${c.scopes.join(',')}  created ${c.createdAt}  ${state}  "${c.label}"`;
}

if (require.main === module) {
  runCredentialsCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`credentials: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
