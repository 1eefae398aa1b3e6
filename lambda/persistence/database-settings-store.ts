import type { Kysely, Migration } from 'kysely';
import { migrateToLatest, openDatabase, type DatabaseLocation } from '../../common/database';
import type { Logger } from '../../common/logger';
import { isPlainRecord, type ClosableUserSettingsStore } from './user-settings-store';

/** The skill's own table in the library's database (SQLite file or PostgreSQL). */
interface SkillDatabase {
  skill_user_settings: {
    owner_id: string;
    /** JSON object; its meaning is decided when read (parseStoredSettings). */
    attributes: string;
    updated_at: string;
  };
}

/*
 * Versioned, append-only; tier 'skill' keeps its own migration tables, so the skill shares the library's database
 * without touching the library's or the display's tables.
 */
const SKILL_MIGRATIONS: Record<string, Migration> = {
  '0001_user_settings': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('skill_user_settings')
        .addColumn('owner_id', 'text', (c) => c.primaryKey())
        .addColumn('attributes', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

export interface DatabaseSettingsStoreOptions {
  logger?: Logger;
  now?: () => Date;
}

/**
 * Opens its own connection to the database (the library's by default) and migrates the skill's tables before
 * answering, so a failed migration fails startup instead of the first request.
 */
export async function openDatabaseSettingsStore(
  location: DatabaseLocation,
  options: DatabaseSettingsStoreOptions = {},
): Promise<ClosableUserSettingsStore> {
  const db = openDatabase<SkillDatabase>(location);
  try {
    await migrateToLatest(db, 'skill', SKILL_MIGRATIONS, options.logger);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return databaseSettingsStore(db, options);
}

function databaseSettingsStore(
  db: Kysely<SkillDatabase>,
  { logger, now = () => new Date() }: DatabaseSettingsStoreOptions,
): ClosableUserSettingsStore {
  return {
    async getAttributes(ownerId) {
      const row = await db
        .selectFrom('skill_user_settings')
        .select('attributes')
        .where('owner_id', '=', ownerId)
        .executeTakeFirst();
      if (!row) return {};
      const parsed = parseJson(row.attributes);
      if (isPlainRecord(parsed)) return parsed;
      logger?.warn('unreadable user settings ignored', { ownerId });
      return {};
    },
    async saveAttributes(ownerId, attributes) {
      const values = {
        owner_id: ownerId,
        attributes: JSON.stringify(attributes),
        updated_at: now().toISOString(),
      };
      await db
        .insertInto('skill_user_settings')
        .values(values)
        .onConflict((conflict) =>
          conflict
            .column('owner_id')
            .doUpdateSet({ attributes: values.attributes, updated_at: values.updated_at }),
        )
        .execute();
    },
    async deleteAttributes(ownerId) {
      await db.deleteFrom('skill_user_settings').where('owner_id', '=', ownerId).execute();
    },
    close: () => db.destroy(),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
