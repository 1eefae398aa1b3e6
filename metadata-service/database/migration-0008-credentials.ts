import type { Kysely, Migration } from 'kysely';

/**
 * Issue 12: per-owner person credentials (bearer tokens). Only the SHA-256 of a token is kept; revoking sets
 * `revoked_at` so the CLI can still list what existed. See common/auth/credential-schema.ts.
 */
export const credentialsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('credentials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('credentials_owner_idx').on('credentials').column('owner_id').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('credentials').execute();
  },
};
