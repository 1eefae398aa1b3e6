import assert from 'node:assert/strict';
import { createDisplayHttpClient, type DisplayApi } from '../../../../common/clients/display-client';
import type {
  PhotoSummary,
  SlideshowItem,
  StartAmbientRequest,
  Viewport,
} from '../../../../common/contracts';
import { openDatabase } from '../../../../common/database';
import { isAppError } from '../../../../common/errors';
import type { DisplayDatabase } from '../../../../display-service/database/schema';
import { startDisplay, type RunningDisplay } from '../../helpers/display-harness';
import { describeOnEachEngine, type TestDatabase } from '../../helpers/display-engines';
import { fakeSummary, makeTempDir } from '../../helpers/image-fixtures';
import { SERVICE_AUTH, TEST_SERVICE_TOKEN } from '../../../support/test-credentials';
import { InMemoryLibrary } from '../../helpers/in-memory-library';

const ALICE = 'alice';
const DEVICE = 'amzn1.ask.device.KITCHEN';
const LANDSCAPE: Viewport = { width: 1280, height: 800, shape: 'RECTANGLE' };
/** 2026-07-14 12:00 UTC. */
const NOON = Date.UTC(2026, 6, 14, 12);

/** A fake photo; every fourth one portrait, so a landscape screen pairs some. */
function photo(id: string, takenLocal: string, portrait = false): PhotoSummary {
  const summary = fakeSummary(id, takenLocal);
  return portrait ? { ...summary, width: 3000, height: 4000 } : summary;
}

/** `count` photos from the first half of 2020; every `portraitEvery`-th one portrait (0: none). */
function libraryOf(count: number, portraitEvery = 4): InMemoryLibrary {
  const library = new InMemoryLibrary();
  for (let i = 0; i < count; i++) {
    const id = `p${String(i).padStart(3, '0')}`;
    const portrait = portraitEvery > 0 && i % portraitEvery === 0;
    library.add(ALICE, photo(id, `2020-0${1 + (i % 6)}-1${i % 10}T10:00:00`, portrait));
  }
  return library;
}

const startRequest = (overrides: Partial<StartAmbientRequest> = {}): StartAmbientRequest => ({
  ownerId: ALICE,
  deviceId: DEVICE,
  viewport: LANDSCAPE,
  memories: false,
  pageSize: 5,
  ...overrides,
});

/** The photos items show, in screen order. */
const photosOf = (items: readonly SlideshowItem[]): string[] => items.flatMap((item) => item.photoIds);

function assertDistinct(ids: readonly string[], message: string): void {
  assert.equal(new Set(ids).size, ids.length, `${message}: ${ids.join(' ')}`);
}

describeOnEachEngine('ambient slideshows', (engine) => {
  let database: TestDatabase;
  let dirs: (() => Promise<void>)[];
  let running: RunningDisplay[];
  const clock = { now: NOON };

  beforeEach(async () => {
    database = await engine.open();
    dirs = [];
    running = [];
    clock.now = NOON;
  });
  afterEach(async () => {
    for (const instance of running) await instance.close();
    for (const cleanup of dirs) await cleanup();
    await database.cleanup();
  });

  /** A display instance on the shared database, with its own renditions folder (as on another machine). */
  async function instance(library: InMemoryLibrary): Promise<RunningDisplay> {
    const temp = await makeTempDir();
    dirs.push(temp.cleanup);
    const started = await startDisplay(temp.dir, {
      database: database.location,
      library,
      now: () => clock.now,
    });
    running.push(started);
    return started;
  }

  async function stop(display: RunningDisplay): Promise<void> {
    running.splice(running.indexOf(display), 1);
    await display.close();
  }

  /** Items [0, count) of an ambient slideshow, asked `pageSize` at a time from the given instances in turn. */
  async function pageThrough(
    apis: DisplayApi[],
    slideshowId: string,
    count: number,
    pageSize = 5,
  ): Promise<SlideshowItem[]> {
    const items: SlideshowItem[] = [];
    for (let start = 0, turn = 0; start < count; start += pageSize, turn++) {
      const api = apis[turn % apis.length]!;
      const page = await api.getSlideshowPage(ALICE, slideshowId, start, pageSize);
      assert.equal(page.startIndex, start);
      items.push(...page.items);
    }
    return items;
  }

  it('shows every photo once before any repeats, across two instances and a restart, then reshuffles', async () => {
    const library = libraryOf(23);
    const all = (await library.search(ALICE, { limit: 100 })).photos.map((p) => p.id).sort();
    const [a, b] = [await instance(library), await instance(library)];
    const started = await a.display.api.startAmbient(startRequest());
    assert.match(started.slideshowId, /^ss_amb_[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(
      [started.endless, started.position, started.startIndex, started.photoCount],
      [true, 0, 0, undefined],
    );

    const before = await pageThrough([a.display.api, b.display.api], started.slideshowId, 10);
    assert.deepEqual(
      before.slice(0, 5).map((item) => item.photoIds),
      started.items.map((item) => item.photoIds),
    );
    await stop(a);
    await stop(b);

    // A restart: a new instance on the same database continues the same bag.
    const c = await instance(library);
    const again = await pageThrough([c.display.api], started.slideshowId, 10);
    assert.deepEqual(
      again.map((item) => item.photoIds),
      before.map((item) => item.photoIds),
      'stored pages',
    );
    const items = await pageThrough([c.display.api], started.slideshowId, 50);
    assert.deepEqual(
      items.map((item) => item.index),
      Array.from({ length: 50 }, (_, i) => i),
    );
    const shown = photosOf(items);
    const first = shown.slice(0, 23);
    const second = shown.slice(23, 46);
    assert.deepEqual([...first].sort(), all, 'the first 23 photos shown are the whole library, each once');
    assertDistinct(first, 'epoch 0');
    assert.deepEqual([...second].sort(), all, 'then the whole library again');
    assert.notDeepEqual(second, first, 'in a new order');
    assert.ok(
      items.some((item) => item.layout === 'pair'),
      'portraits paired on a landscape screen',
    );
  });

  it('includes photos added mid-epoch, and never shows deleted or hidden ones', async () => {
    const library = libraryOf(60);
    const display = await instance(library);
    const { slideshowId, total } = await display.display.api.startAmbient(startRequest());
    // What the first request made (at least a batch, fewer than the library): read it without making more.
    const made = await display.display.api.getSlideshowPage(ALICE, slideshowId, 0, total);
    assert.ok(total >= 5 && photosOf(made.items).length < 60, `made ${total} items first`);
    const madeIds = new Set(photosOf(made.items));
    const notYet = (await library.search(ALICE, { limit: 100 })).photos
      .map((p) => p.id)
      .filter((id) => !madeIds.has(id));
    const [deleted, hidden] = notYet;
    library.remove(ALICE, deleted!);
    await library.setPhotoFlags(ALICE, hidden!, { hidden: true });
    const added = Array.from({ length: 8 }, (_, i) => `new${i}`);
    for (const id of added) library.add(ALICE, photo(id, '2026-01-01T10:00:00'));

    const expected = (await library.search(ALICE, { limit: 100 })).photos.map((p) => p.id).sort();
    assert.equal(expected.length, 66);
    const items = await pageThrough([display.display.api], slideshowId, 130, 10);
    const shown = photosOf(items);
    const epoch = shown.slice(0, 66);
    assertDistinct(epoch, 'epoch 0');
    assert.deepEqual([...epoch].sort(), expected, 'every photo there is, including the added ones');
    assert.ok(!shown.includes(deleted!), 'deleted photo never shown');
    assert.ok(!shown.includes(hidden!), 'hidden photo never shown');
  });

  it('carries on without repeats when the library no longer accepts the stored cursor (after an upgrade)', async () => {
    const library = libraryOf(40);
    const all = (await library.search(ALICE, { limit: 100 })).photos.map((p) => p.id).sort();
    const display = await instance(library);
    const { slideshowId, total } = await display.display.api.startAmbient(startRequest());
    const db = openDatabase<DisplayDatabase>(database.location);
    try {
      const tail = await db
        .selectFrom('slideshow_items')
        .select(['item_index', 'bag_state'])
        .where('slideshow_id', '=', slideshowId)
        .where('item_index', '=', total - 1)
        .executeTakeFirstOrThrow();
      const state = JSON.parse(tail.bag_state ?? '{}') as { cursor: string | null; phase: string };
      assert.deepEqual(
        [state.phase, typeof state.cursor],
        ['walk', 'string'],
        'mid-walk after the first batch',
      );
      await db
        .updateTable('slideshow_items')
        .set({ bag_state: JSON.stringify({ ...state, cursor: 'c3RhbGU' }) })
        .where('slideshow_id', '=', slideshowId)
        .where('item_index', '=', total - 1)
        .execute();
    } finally {
      await db.destroy();
    }
    const shown = photosOf(await pageThrough([display.display.api], slideshowId, 60, 10));
    assertDistinct(shown.slice(0, 40), 'epoch 0');
    assert.deepEqual(shown.slice(0, 40).sort(), all);
  });

  it('opens each day with memories from this week in earlier years, newest first, then the bag', async () => {
    // Landscape only, so one item is one photo and the day's 17 items are exactly one pass over the library.
    const library = libraryOf(12, 0);
    library.add(ALICE, photo('mem_2023', '2023-07-14T09:00:00'));
    library.add(ALICE, photo('mem_2025', '2025-07-16T09:00:00'));
    library.add(ALICE, photo('mem_2024', '2024-07-12T09:00:00'));
    library.add(ALICE, photo('this_week', '2026-07-13T09:00:00'));
    library.add(ALICE, photo('other_month', '2025-08-20T09:00:00'));
    const display = await instance(library);
    const started = await display.display.api.startAmbient(startRequest({ memories: true, pageSize: 3 }));
    assert.deepEqual(photosOf(started.items), ['mem_2025', 'mem_2024', 'mem_2023']);

    // The rest of the day: the bag, which counts the memories as already shown.
    const day = photosOf(await pageThrough([display.display.api], started.slideshowId, 17, 1));
    assertDistinct(day, 'the first day');
    assert.equal(day.length, 17);

    // Everything made so far was made today; the first page made tomorrow opens with tomorrow's memories.
    const { total } = await display.display.api.getSlideshowPage(ALICE, started.slideshowId, 0, 1);
    clock.now += 24 * 3600 * 1000;
    const tomorrow = await display.display.api.getSlideshowPage(ALICE, started.slideshowId, total, 3);
    assert.deepEqual(photosOf(tomorrow.items), ['mem_2025', 'mem_2024', 'mem_2023']);
  });

  it('is one slideshow per owner, device and screen preset, resumed where the device said it was', async () => {
    const library = libraryOf(30);
    library.add('bob', photo('bobs', '2020-01-01T00:00:00'));
    const [a, b] = [await instance(library), await instance(library)];
    const first = await a.display.api.startAmbient(startRequest({ pageSize: 10 }));
    // A slightly different screen that snaps to the same 1280x800 rendition size.
    const again = await b.display.api.startAmbient(
      startRequest({ viewport: { width: 1270, height: 794, shape: 'RECTANGLE' }, pageSize: 10 }),
    );
    assert.equal(again.slideshowId, first.slideshowId);
    assert.deepEqual(
      again.items.map((item) => item.photoIds),
      first.items.map((item) => item.photoIds),
    );
    const otherDevice = await a.display.api.startAmbient(startRequest({ deviceId: 'living-room' }));
    const otherScreen = await a.display.api.startAmbient(
      startRequest({ viewport: { width: 480, height: 480, shape: 'ROUND' } }),
    );
    const otherOwner = await a.display.api.startAmbient(startRequest({ ownerId: 'bob' }));
    assert.equal(
      new Set([first.slideshowId, otherDevice.slideshowId, otherScreen.slideshowId, otherOwner.slideshowId])
        .size,
      4,
    );
    // Bob has one photo: every epoch is that photo again.
    assert.deepEqual(photosOf(otherOwner.items), ['bobs', 'bobs', 'bobs', 'bobs', 'bobs']);

    assert.deepEqual(await b.display.api.saveAmbientPosition(ALICE, first.slideshowId, 7), {
      slideshowId: first.slideshowId,
      position: 7,
    });
    const resumed = await a.display.api.startAmbient(startRequest({ pageSize: 3 }));
    assert.deepEqual([resumed.slideshowId, resumed.position, resumed.startIndex], [first.slideshowId, 7, 7]);
    assert.deepEqual(
      resumed.items.map((item) => item.index),
      [7, 8, 9],
    );
    assert.deepEqual(
      resumed.items.map((item) => item.photoIds),
      first.items.slice(7, 10).map((item) => item.photoIds),
    );

    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'resolved',
        (error: unknown) => (isAppError(error) ? `${error.status} ${error.code}` : String(error)),
      );
    assert.equal(
      await code(a.display.api.saveAmbientPosition(ALICE, first.slideshowId, 5000)),
      '400 POSITION_OUT_OF_RANGE',
    );
    assert.equal(
      await code(a.display.api.saveAmbientPosition('bob', first.slideshowId, 1)),
      '404 SLIDESHOW_NOT_FOUND',
    );
    const playlist = await a.display.api.createSlideshow({ ownerId: ALICE, query: {}, viewport: LANDSCAPE });
    assert.equal(
      await code(a.display.api.saveAmbientPosition(ALICE, playlist.slideshowId, 1)),
      '404 SLIDESHOW_NOT_FOUND',
    );
    assert.equal(
      await code(a.display.api.getSlideshowPage(ALICE, first.slideshowId, first.total + 1001, 5)),
      '400 AMBIENT_PAGE_TOO_FAR',
    );
  });

  it('agrees across instances that make the same pages at the same moment', async () => {
    const library = libraryOf(40);
    const [a, b] = [await instance(library), await instance(library)];
    const [startedA, startedB] = await Promise.all([
      a.display.api.startAmbient(startRequest()),
      b.display.api.startAmbient(startRequest()),
    ]);
    assert.equal(startedA.slideshowId, startedB.slideshowId);
    const id = startedA.slideshowId;
    await Promise.all([
      a.display.api.getSlideshowPage(ALICE, id, 20, 30),
      b.display.api.getSlideshowPage(ALICE, id, 20, 30),
      a.display.api.getSlideshowPage(ALICE, id, 45, 10),
      b.display.api.getSlideshowPage(ALICE, id, 48, 10),
    ]);
    const [fromA, fromB] = await Promise.all([
      a.display.api.getSlideshowPage(ALICE, id, 0, 58),
      b.display.api.getSlideshowPage(ALICE, id, 0, 58),
    ]);
    assert.deepEqual(
      fromA.items.map((item) => item.photoIds),
      fromB.items.map((item) => item.photoIds),
    );
    assert.deepEqual(
      fromA.items.map((item) => item.index),
      Array.from({ length: 58 }, (_, i) => i),
    );
    assertDistinct(photosOf(fromA.items).slice(0, 40), 'epoch 0');
  });

  it('is served over HTTP through the display client, and an empty library makes an empty slideshow', async () => {
    const library = libraryOf(12);
    const display = await instance(library);
    const client = createDisplayHttpClient(display.displayUrl, { credential: TEST_SERVICE_TOKEN });
    const started = await client.startAmbient(startRequest({ timeZone: 'Europe/Lisbon' }));
    assert.deepEqual([started.endless, started.items.length], [true, 5]);
    const next = await client.getSlideshowPage(ALICE, started.slideshowId, 5, 5);
    assert.deepEqual(
      next.items.map((item) => item.index),
      [5, 6, 7, 8, 9],
    );
    assert.deepEqual(await client.saveAmbientPosition(ALICE, started.slideshowId, 6), {
      slideshowId: started.slideshowId,
      position: 6,
    });
    assert.equal((await client.startAmbient(startRequest())).startIndex, 6);

    const post = (path: string, body: unknown, owner?: string) =>
      fetch(`${display.displayUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...SERVICE_AUTH,
          ...(owner ? { 'x-photo-owner': owner } : {}),
        },
        body: JSON.stringify(body),
      }).then(
        async (response) =>
          `${response.status} ${((await response.json()) as { error: { code: string } }).error.code}`,
      );
    assert.equal(await post('/ambient', startRequest(), 'bob'), '403 OWNER_MISMATCH');
    assert.equal(
      await post('/ambient', { ...startRequest(), timeZone: 'Mars/Olympus' }),
      '400 INVALID_REQUEST',
    );
    assert.equal(
      await post(`/ambient/${started.slideshowId}/position`, { index: 1 }),
      '400 OWNER_HEADER_REQUIRED',
    );
    assert.equal(
      await post(`/ambient/${started.slideshowId}/position`, { index: -1 }, ALICE),
      '400 INVALID_REQUEST',
    );

    const empty = await client.startAmbient(startRequest({ ownerId: 'nobody', memories: true }));
    assert.deepEqual([empty.total, empty.items, empty.endless], [0, [], true]);
  });
});
