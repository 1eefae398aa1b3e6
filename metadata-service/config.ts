import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadEnv } from '../common/config';
import type { DatabaseLocation } from '../common/database';

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const libraryEnvSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalNonEmpty.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be a postgres:// URL',
  }),
  PHOTO_OWNER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,255}$/, { message: 'must be an owner id (letters, digits, . _ : -)' })
    .default('local'),
});

export interface LibraryEnv {
  /** Absolute. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Owner for CLI runs without --owner; the embedded stack uses the same variable and default. */
  ownerId: string;
}

export function libraryEnvFrom(env: NodeJS.ProcessEnv): LibraryEnv {
  const e = loadEnv(libraryEnvSchema, env);
  return { dataDir: resolve(e.DATA_DIR), databaseUrl: e.DATABASE_URL, ownerId: e.PHOTO_OWNER_ID };
}

/** DATABASE_URL=postgres://… selects PostgreSQL; otherwise the SQLite file `${DATA_DIR}/library.sqlite`. */
export function libraryDatabaseLocation(env: NodeJS.ProcessEnv): DatabaseLocation {
  const { dataDir, databaseUrl } = libraryEnvFrom(env);
  if (databaseUrl !== undefined) return { kind: 'postgres', url: databaseUrl };
  return { kind: 'sqlite', file: join(dataDir, 'library.sqlite') };
}
