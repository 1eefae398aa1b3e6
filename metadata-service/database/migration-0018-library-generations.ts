import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 16 (free text within 20 ms at a million photos): free text reads the owner's words (vocabulary, places in
 * use, library span) on every request, about 18 statements before its own search. It now keeps them per owner
 * (metadata-service/text-context/) while the owner's library generation, one row in library_generations, is
 * unchanged. Several library processes share one database (scale-out, `npm start`'s workers), so the generation is
 * kept by the database itself: triggers on every table those words are read from bump it in the writing
 * transaction, whichever process or code path writes. A write path added later needs nothing to stay correct.
 *
 * The tables: search_key_months (the photo counts per label, person, album and place that rank the vocabulary,
 * and the span; every photo stored is counted there under 'all' in the same transaction, and every change of a
 * photo's labels, people or albums goes through it), photos (updates of places, capture times, left-out bits and
 * kinds, and deletes), people and albums (names, hidden), hidden_labels (the span of a search leaves their photos
 * out). Photo updates bump it only for the columns the text reads, so the hash stage's million perceptual-hash
 * updates and favourites leave cached words alone. A photo's insert is left to its search_key_months rows: a
 * trigger on the photos insert itself cost ~20 % of the repository's insert CPU on SQLite (5,000 photos in
 * batches of 50, with and without, side by side), where those on search_key_months cost nothing measurable.
 *
 * SQLite: one row trigger per table and event (one writer at a time, so no lock order to keep). PostgreSQL: row
 * triggers deferred to commit (constraint triggers) that bump once per owner and transaction: bumping at the first
 * write would hold the generation row's lock through the rest of the transaction, and two writers taking it and
 * search_key_months rows in opposite orders would deadlock.
 */
type WriteEvent = 'insert' | 'update' | 'delete';
const EVENTS: readonly WriteEvent[] = ['insert', 'update', 'delete'];

const WATCHED: readonly { table: string; events?: readonly WriteEvent[]; updateOf?: readonly string[] }[] = [
  {
    table: 'photos',
    events: ['update', 'delete'],
    updateOf: [
      'owner_id',
      'taken_local',
      'left_out',
      'media_kind',
      'place_sublocation',
      'place_city',
      'place_metro',
      'place_county',
      'place_region',
      'place_country',
    ],
  },
  { table: 'search_key_months' },
  { table: 'people' },
  { table: 'albums' },
  { table: 'hidden_labels' },
];

export const libraryGenerationsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('library_generations')
      .addColumn('owner_id', 'text', (c) => c.primaryKey())
      .addColumn('generation', 'bigint', (c) => c.notNull())
      .execute();
    if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
    else await sqliteTriggers(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    for (const { table } of WATCHED) {
      for (const event of postgres ? ['change'] : EVENTS) {
        const name = sql.id(triggerName(table, event));
        if (postgres) await sql`drop trigger if exists ${name} on ${sql.table(table)}`.execute(db);
        else await sql`drop trigger if exists ${name}`.execute(db);
      }
    }
    if (postgres) await sql`drop function if exists bump_library_generation()`.execute(db);
    await db.schema.dropTable('library_generations').execute();
  },
};

function triggerName(table: string, event: string): string {
  return `${table}_${event}_bumps_library_generation`;
}

function updateEvent(updateOf: readonly string[] | undefined) {
  return updateOf === undefined
    ? sql`update`
    : sql`update of ${sql.join(updateOf.map((column) => sql.id(column)))}`;
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  for (const { table, events = EVENTS, updateOf } of WATCHED) {
    for (const event of events) {
      const row = sql.raw(event === 'delete' ? 'old' : 'new');
      const when = event === 'update' ? updateEvent(updateOf) : sql.raw(event);
      await sql`create trigger ${sql.id(triggerName(table, event))} after ${when} on ${sql.table(table)}
        begin
          insert into library_generations (owner_id, generation) values (${row}.owner_id, 1)
            on conflict (owner_id) do update set generation = generation + 1;
        end`.execute(db);
    }
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  // The setting remembers, until the transaction ends, the owner already bumped: a batch of a thousand rows
  // bumps once. A transaction writing for several owners in turn bumps more than once, which is only more.
  await sql`create or replace function bump_library_generation() returns trigger language plpgsql as $$
    declare
      owner text := case when tg_op = 'DELETE' then old.owner_id else new.owner_id end;
    begin
      if current_setting('photoframe.generation_bumped_for', true) is not distinct from owner then
        return null;
      end if;
      perform set_config('photoframe.generation_bumped_for', owner, true);
      insert into library_generations (owner_id, generation) values (owner, 1)
        on conflict (owner_id) do update set generation = library_generations.generation + 1;
      return null;
    end
  $$`.execute(db);
  for (const { table, events = EVENTS, updateOf } of WATCHED) {
    const on = events.map((event) => (event === 'update' ? updateEvent(updateOf) : sql.raw(event)));
    await sql`create constraint trigger ${sql.id(triggerName(table, 'change'))}
      after ${sql.join(on, sql` or `)} on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function bump_library_generation()`.execute(db);
  }
}
