import assert from 'node:assert/strict';
import { CompiledQuery, sql, type Kysely, type KyselyPlugin } from 'kysely';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { normalizeName, personIdFor } from '../../../metadata-service/repositories/names';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import type { SearchTuning } from '../../../metadata-service/repositories/photo-search';
import { placesInUse } from '../../../metadata-service/repositories/places-in-use';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

/**
 * Issue 16: the query plans of the search shapes made fast for a million photos. A plan is asserted, never a
 * time. SQLite must walk the named index in order (no temp B-tree sorting every match, no skip scan); PostgreSQL,
 * with sequential scans priced out (a test library is small enough that a scan would win), must use the index.
 */
interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

function recording(db: Kysely<LibraryDatabase>): {
  traced: Kysely<LibraryDatabase>;
  statements: Statement[];
} {
  const statements: Statement[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      const compiled = db.getExecutor().compileQuery(args.node, args.queryId);
      statements.push({ sql: compiled.sql, parameters: compiled.parameters });
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { traced: db.withPlugin(plugin), statements };
}

describeOnEachEngine('Search plans at scale', (engine) => {
  let database: TestLibraryDatabase;
  const sqlite = engine.name === 'SQLite';
  const mom = personIdFor('alice', normalizeName('Mom'));
  const santaMonica = {
    city: 'Santa Monica',
    region: 'California',
    country: 'United States',
    countryCode: 'US',
  };

  // One library per engine for the whole suite: every test only reads and explains (plain tests stay fast).
  before(async () => {
    database = await engine.open();
    const repo = new PhotoRepository(database.db);
    await repo.insertPhotos(
      Array.from({ length: 60 }, (_, n) => ({
        photo: photoRecord('alice', `ph_${n}`, {
          takenLocal: `20${10 + (n % 10)}-0${1 + (n % 9)}-1${n % 10}T10:00:00`,
          people: n % 2 === 0 ? ['Mom'] : [],
          favorite: n % 5 === 0,
          mediaKind: n % 7 === 0 ? 'video' : 'photo',
          place: n % 4 === 0 ? santaMonica : null,
          isScreenshot: n % 11 === 0,
        }),
        labels: keywords(n % 3 === 0 ? 'beach' : 'dog', ...(n % 4 === 0 ? ['snow'] : [])),
      })),
    );
    // VACUUM as the bench's build does: PostgreSQL reads an index alone only for pages its visibility map marks.
    await sql.raw(sqlite ? 'analyze' : 'vacuum analyze').execute(database.db);
  });
  after(() => database.cleanup());

  /** The plan of every statement `run` issues whose SQL contains `marker`, one text per statement. */
  async function plansOf(marker: string, run: (db: Kysely<LibraryDatabase>) => Promise<unknown>) {
    const { traced, statements } = recording(database.db);
    await run(traced);
    const chosen = statements.filter((s) => s.sql.includes(marker));
    assert.ok(chosen.length > 0, `no statement contains ${marker}`);
    return database.db.connection().execute(async (connection) => {
      if (!sqlite) await sql`set enable_seqscan = off`.execute(connection);
      try {
        const plans: string[] = [];
        for (const statement of chosen) {
          const explain = sqlite ? 'explain query plan ' : 'explain ';
          const result = await connection.executeQuery<Record<string, unknown>>(
            CompiledQuery.raw(explain + statement.sql, [...statement.parameters]),
          );
          plans.push(result.rows.map((row) => String(sqlite ? row.detail : row['QUERY PLAN'])).join('\n'));
        }
        return plans;
      } finally {
        if (!sqlite) await sql`reset enable_seqscan`.execute(connection);
      }
    });
  }

  const search =
    (query: PhotoQueryInput, cursor?: string, tuning?: SearchTuning) => (db: Kysely<LibraryDatabase>) =>
      new PhotoRepository(db, { tuning }).search('alice', photoQuerySchema.parse(query), {
        limit: 5,
        offset: 0,
        cursor,
      });
  /** Intersections paged by the index merge, as a dense one is: this library's are small enough to read by number. */
  const merged: SearchTuning = { memberPageLimit: 0 };

  function assertOrderedWalk(plans: readonly string[], index: string): void {
    for (const plan of plans) {
      assert.match(plan, new RegExp(index), plan);
      if (sqlite) {
        assert.doesNotMatch(plan, /TEMP B-TREE FOR ORDER BY/, plan);
        assert.doesNotMatch(plan, /ANY\(/, plan);
      }
    }
  }

  it("walks one person's index in order for a page, without sorting their photos", async () => {
    const plans = await plansOf('order by', search({ people: [mom], order: 'newest' }));
    assertOrderedWalk(plans, 'photo_people_person_idx');
  });

  it("walks one label's index in order within a date range (no skip scan, no sort)", async () => {
    const plans = await plansOf(
      'order by',
      search({
        labels: ['beach'],
        takenFrom: '2012-01-01T00:00:00',
        takenTo: '2016-01-01T00:00:00',
        order: 'newest',
      }),
    );
    assertOrderedWalk(plans, 'photo_labels_owner_label_idx');
  });

  it("starts a cursor's next page at the cursor in the label's index", async () => {
    const first = await search({ labels: ['dog'], order: 'newest' })(database.db);
    assert.ok(first.nextCursor, 'a second page exists');
    const plans = await plansOf('order by', search({ labels: ['dog'], order: 'newest' }, first.nextCursor));
    assertOrderedWalk(plans.slice(0, 1), 'photo_labels_owner_label_idx');
  });

  it('walks an intersection from its smallest key, whatever order the query names them in', async () => {
    // 'snow' is on 15 photos, 'dog' on 40: the page starts from snow (key_0) and probes dog.
    const { traced, statements } = recording(database.db);
    await search({ labels: ['dog', 'snow'], order: 'newest' }, undefined, merged)(traced);
    const joined = statements.filter((s) => s.sql.includes('"key_0"') && s.sql.includes('"key_1"'));
    assert.ok(joined.length >= 1, `${joined.length} intersection statements`);
    for (const statement of joined) {
      const labels = statement.parameters.filter((p) => p === 'dog' || p === 'snow');
      assert.deepEqual(labels, ['snow', 'dog'], statement.sql);
    }
    if (sqlite) {
      const dogAndSnow = search({ labels: ['dog', 'snow'], order: 'newest' }, undefined, merged);
      for (const plan of await plansOf('order by', dogAndSnow)) {
        const searches = plan.split('\n').filter((line) => /^(SEARCH|SCAN) key_/.test(line));
        assert.match(searches[0] ?? '', /key_0/, plan);
      }
    }
    const page = await search({ labels: ['dog', 'snow'], order: 'newest' })(database.db);
    const reversed = await search({ labels: ['snow', 'dog'], order: 'newest' })(database.db);
    // The cursor names the query as asked, so only it differs.
    assert.deepEqual({ ...page, nextCursor: undefined }, { ...reversed, nextCursor: undefined });
    assert.ok(page.total > 0);
  });

  it('counts and pages favourites and videos from covering indexes (migration 0013)', async () => {
    const favourites = await plansOf('count(*)', search({ favoritesOnly: true, order: 'newest' }));
    for (const plan of favourites) {
      assert.match(
        plan,
        sqlite ? /COVERING INDEX photos_owner_favorite_left_out_idx/ : /photos_owner_favorite_left_out_idx/,
        plan,
      );
    }
    const videos = await plansOf('count(*)', search({ mediaKinds: ['video'], order: 'newest' }));
    for (const plan of videos) {
      assert.match(
        plan,
        sqlite ? /COVERING INDEX photos_owner_kind_left_out_idx/ : /photos_owner_kind_left_out_idx/,
        plan,
      );
    }
    const page = await plansOf('order by', search({ favoritesOnly: true, order: 'newest' }));
    assertOrderedWalk(page.slice(0, 1), 'photos_owner_favorite_left_out_idx');
  });

  it('pages two labels by merging their indexes in capture order, and counts them from their member lists', async () => {
    const query: PhotoQueryInput = { labels: ['dog', 'snow'], order: 'newest' };
    const { traced, statements } = recording(database.db);
    const found = await search(query, undefined, merged)(traced);
    // Migration 0021: the count intersects the labels' member lists; no statement counts their index entries.
    assert.ok(found.total > 0);
    assert.deepEqual(
      statements.filter((s) => s.sql.includes('count(')),
      [],
      'no statement counts the intersection',
    );
    assert.ok(statements.some((s) => s.sql.includes('members from search_key_months')));
    const pages = await plansOf('order by', search(query, undefined, merged));
    for (const plan of pages) {
      assert.doesNotMatch(plan, /photos_|Seq Scan|SCAN photos/, plan);
      if (!sqlite) {
        assert.match(plan, /Merge Join/, plan);
        assert.doesNotMatch(plan, /Hash|Sort/, plan);
      }
    }
    assertOrderedWalk(pages.slice(0, 1), 'photo_labels_owner_label_idx');
  });

  it('counts only when a page asks for no photos: the total and span of a page, no page or photo rows read', async () => {
    for (const query of [
      { labels: ['dog'], order: 'oldest' },
      { labels: ['dog', 'snow'], order: 'oldest' },
      { labels: ['dog'], places: [{ name: 'Santa Monica', level: 'city' }], order: 'oldest' },
    ] satisfies PhotoQueryInput[]) {
      const parsed = photoQuerySchema.parse(query);
      const paged = await new PhotoRepository(database.db).search('alice', parsed, { limit: 1, offset: 0 });
      const { traced, statements } = recording(database.db);
      const counted = await new PhotoRepository(traced).search('alice', parsed, { limit: 0, offset: 0 });
      assert.ok(paged.total > 0 && paged.span !== null, JSON.stringify(query));
      assert.deepEqual(counted, { total: paged.total, span: paged.span, photos: [] }, JSON.stringify(query));
      // No statement reads a page (ordered) or the page's photo rows (by id, with their source columns).
      const reads = statements.map((s) => s.sql);
      assert.deepEqual(
        reads.filter((text) => /order by|"source_uri"/.test(text)),
        [],
        JSON.stringify(query),
      );
    }
  });

  it('pages an intersection with a place by reading its matches by number, in the order the filters give', async () => {
    const query: PhotoQueryInput = {
      labels: ['dog'],
      places: [{ name: 'Santa Monica', level: 'city' }],
      order: 'newest',
    };
    const [page = ''] = await plansOf('order by', search(query));
    // PostgreSQL reads capture times and ids from the index alone (migration 0024): no photo row per match, for
    // the page as for the span.
    // A first page newest first reads only the span's first end: its own first row is the last.
    const spans = await plansOf('(taken_local) as "taken"', search(query));
    assert.equal(spans.length, 1, 'the span: its first end only');
    for (const plan of spans) {
      assert.match(
        plan,
        sqlite ? /photos_owner_number_unique/ : /Index Only Scan using photos_owner_number_covering/,
        plan,
      );
    }
    assert.match(
      page,
      sqlite ? /photos_owner_number_unique/ : /Index Only Scan using photos_owner_number_covering/,
      page,
    );
    for (const order of ['newest', 'oldest'] as const) {
      const walk = async (tuning?: SearchTuning) => {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const found = await search({ ...query, order }, cursor, tuning)(database.db);
          ids.push(...found.photos.map((photo) => photo.id));
          cursor = found.nextCursor;
        } while (cursor !== undefined);
        return ids;
      };
      const byNumber = await walk();
      assert.ok(byNumber.length > 5, `${byNumber.length} matches`);
      // A dense merge of two labels keeps the index merge: a page walks few entries of each key in order.
      const [dense = ''] = await plansOf('order by', search({ labels: ['dog', 'snow'], order }));
      assert.match(dense, /key_0/, dense);
      assert.deepEqual(byNumber, await walk(merged), order);
    }
  });

  it("merges a filter's covering photos index with a label's index in capture order (videos with a label)", async () => {
    const query: PhotoQueryInput = { mediaKinds: ['video'], labels: ['dog'], order: 'newest' };
    const [page = ''] = await plansOf('order by', search(query, undefined, merged));
    assert.match(page, /photos_owner_kind_left_out_idx/, page);
    assert.match(page, /photo_labels_owner_label_idx/, page);
    if (sqlite) assert.doesNotMatch(page, /TEMP B-TREE FOR ORDER BY/, page);
    else {
      assert.match(page, /Merge Join/, page);
      // An incremental sort of equal capture times may follow the merge; never a hash of every match.
      assert.doesNotMatch(page, /Hash/, page);
    }
  });

  if (!sqlite) {
    it('reads the search tables without parallel workers (migration 0017)', async () => {
      const { rows } = await sql<{ relname: string; reloptions: string[] | null }>`
        select relname, reloptions from pg_class
        where relkind = 'r' and relnamespace = current_schema()::regnamespace
          and relname in ('photos', 'photo_labels', 'photo_people', 'photo_albums')
        order by relname`.execute(database.db);
      assert.deepEqual(
        rows.map((row) => [row.relname, row.reloptions]),
        ['photo_albums', 'photo_labels', 'photo_people', 'photos'].map((table) => [
          table,
          ['parallel_workers=0'],
        ]),
      );
    });
  }

  it('counts a place named at any level from search_key_months, and pages it from the one level it is stored at', async () => {
    const query: PhotoQueryInput = { places: [{ name: 'Santa Monica' }], order: 'newest' };
    const counts = await plansOf('sum(photos)', search(query));
    for (const plan of counts) {
      assert.match(plan, /search_key_months/, plan);
      assert.doesNotMatch(plan, /photos_owner/, plan);
    }
    const pages = await plansOf('order by', search(query, undefined, merged));
    for (const plan of pages) {
      assert.match(
        plan,
        sqlite
          ? /COVERING INDEX photos_owner_city_idx \(owner_id=\? AND <expr>=\? AND left_out=\?/
          : /Index Only Scan (Backward )?using photos_owner_city_idx/,
        plan,
      );
      assert.doesNotMatch(plan, /sublocation|metro|county|region|country|BitmapOr/, plan);
    }
    assertOrderedWalk(pages.slice(0, 1), 'photos_owner_city_idx');
  });

  it('counts "on this day" from search_key_months and pages it one index range per day (migration 0020)', async () => {
    // January 15-19: one photo on each day, in five different years.
    const query: PhotoQueryInput = { monthDays: [{ month: 1, day: 17, plusMinusDays: 2 }], order: 'newest' };
    const counts = await plansOf('sum(photos)', search(query));
    for (const plan of counts) {
      assert.match(plan, /search_key_months/, plan);
      assert.doesNotMatch(plan, /photos_owner/, plan);
    }
    const [page = ''] = await plansOf('as "parts"', search(query));
    // One ordered range of the month-day index for each of the five days, each stopping at its page.
    const ranges = page.match(
      sqlite
        ? /COVERING INDEX photos_owner_month_day_idx \(owner_id=\? AND taken_month_day=\? AND left_out=\?\)/g
        : /Index Only Scan (Backward )?using photos_owner_month_day_idx/g,
    );
    assert.equal(ranges?.length, 5, page);
    if (!sqlite) assert.equal(page.match(/-> {2}Sort/g)?.length ?? 0, 0, page);
  });

  it('lists places in use by skipping through the place indexes, never reading every photo', async () => {
    const [plan = ''] = await plansOf('with recursive', (db) => placesInUse(db, 'alice'));
    for (const level of ['sublocation', 'city', 'metro', 'county', 'region', 'country']) {
      assert.match(plan, new RegExp(`photos_owner_${level}_idx`), plan);
    }
    if (sqlite) assert.doesNotMatch(plan, /SCAN photos\b/, plan);
  });

  it('counts the vocabulary from search_key_months, not from the join tables', async () => {
    const plans = await plansOf('sum(photos)', (db) => new PhotoRepository(db).vocabulary('alice'));
    assert.ok(plans.length >= 3, `${plans.length} statements`);
    for (const plan of plans) {
      assert.doesNotMatch(plan, /photo_labels|photo_people|photo_albums/, plan);
      assert.match(plan, /search_key_months/, plan);
    }
    const vocabulary = await new PhotoRepository(database.db).vocabulary('alice');
    const labelCounts = new Map(vocabulary.labels.map((l) => [l.name, l.photoCount]));
    assert.equal(labelCounts.get('dog'), 40);
    assert.equal(labelCounts.get('beach'), 20);
    assert.deepEqual(
      vocabulary.people.map((p) => [p.name, p.photoCount]),
      [['Mom', 30]],
    );
  });
});
