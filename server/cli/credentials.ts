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
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CredentialRepository, type CredentialInfo } from '../../common/auth/credential-repository';
import type { CredentialDatabase } from '../../common/auth/credential-schema';
import { CREDENTIAL_SCOPES, credentialScopeSchema } from '../../common/auth/scopes';
import { ownerIdSchema } from '../../common/contracts';
import { openDatabase } from '../../common/database';
import { createLogger } from '../../common/logger';
import { parseInput } from '../../common/validation';
import { libraryDatabaseLocation, libraryEnvFrom } from '../../metadata-service/config';
import { migrateLibraryDatabase } from '../../metadata-service/database/migrations';

const USAGE = `usage:
  npm run credentials -- create [--owner ID] [--scope ${CREDENTIAL_SCOPES.join('|')}]... [--label TEXT]
  npm run credentials -- list [--owner ID] [--json]
  npm run credentials -- revoke <credential id>`;

const createOptionsSchema = z.object({
  owner: ownerIdSchema,
  scopes: z.array(credentialScopeSchema).min(1),
  label: z.string().trim().min(1).max(200),
});

export interface CliIo {
  out: (text: string) => void;
}

/** Runs one command; answers the process exit code. */
export async function runCredentialsCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      owner: { type: 'string' },
      scope: { type: 'string', multiple: true },
      label: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
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
        io.out(`--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'}\n${USAGE}`);
        return 2;
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
    return 2;
  } finally {
    await db.destroy();
  }
}

function describe(c: CredentialInfo): string {
  const state = c.revokedAt === null ? 'active' : `revoked ${c.revokedAt}`;
  return `${c.id}  owner=${c.ownerId}  scopes=${c.scopes.join(',')}  created ${c.createdAt}  ${state}  "${c.label}"`;
}

if (require.main === module) {
  runCredentialsCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`credentials: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
