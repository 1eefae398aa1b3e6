import assert from 'node:assert/strict';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PhotoSummary, SlideshowItem, SlideshowPage, Viewport } from '../../../common/contracts';
import { startDisplay, type RunningDisplay } from '../helpers/display-harness';
import { describeOnEachEngine, type TestDatabase } from '../helpers/display-engines';
import { fakeSummary, isNear, makeTempDir, pixelAt, summaryFor } from '../helpers/image-fixtures';
import { InMemoryLibrary } from '../helpers/in-memory-library';

const ALICE = 'alice';
const LANDSCAPE_SCREEN: Viewport = { width: 1280, height: 800, shape: 'RECTANGLE' };

/** A portrait (3000x4000 as displayed) or landscape fake photo taken on 2026-07-<day> at <hour>. */
function photo(id: string, day: number, portrait: boolean, hour = 10): PhotoSummary {
  const summary = fakeSummary(
    id,
    `2026-07-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00`,
  );
  return portrait ? { ...summary, width: 3000, height: 4000 } : summary;
}

/** Everything about an item except its signed URL, whose expiry moves with the clock. */
function withoutUrl(item: SlideshowItem) {
  const url = new URL(item.url);
  return { ...item, url: `${url.pathname}?comp=${url.searchParams.get('comp')}` };
}

describeOnEachEngine('slideshows across display instances', (engine) => {
  let database: TestDatabase;
  let dirs: { dir: string; cleanup: () => Promise<void> }[];
  let running: RunningDisplay[];

  beforeEach(async () => {
    database = await engine.open();
    dirs = [];
    running = [];
  });
  afterEach(async () => {
    for (const instance of running) await instance.close();
    for (const { cleanup } of dirs) await cleanup();
    await database.cleanup();
  });

  /** A display instance on the shared database, with its own renditions folder (as on another machine). */
  async function instance(library: InMemoryLibrary): Promise<RunningDisplay> {
    const temp = await makeTempDir();
    dirs.push(temp);
    const started = await startDisplay(temp.dir, { database: database.location, library });
    running.push(started);
    return started;
  }

  it('serves the same gap-free pages from every instance, from the database alone', async () => {
    const library = new InMemoryLibrary();
    // 40 photos, every third one portrait; a burst of three near-duplicates of which only the first may show.
    for (let i = 0; i < 40; i++) library.add(ALICE, photo(`p${i}`, 1 + (i % 28), i % 3 === 0, 8 + (i % 10)));
    for (const [at, id] of ['burst_a', 'burst_b', 'burst_c'].entries()) {
      library.add(ALICE, photo(id, 29, false, 12 + at), [], { duplicateGroupId: 'burst_a' });
    }
    const [a, b] = [await instance(library), await instance(library)];
    const created = await a.display.api.createSlideshow({
      ownerId: ALICE,
      query: {},
      viewport: LANDSCAPE_SCREEN,
      pageSize: 7,
    });
    const searchesAfterCreate = library.searchCalls.length;
    const describesAfterCreate = library.describeCalls.length;

    const pages: SlideshowPage[] = [];
    for (let start = 0; start < created.total; start += 7) {
      const [fromA, fromB] = await Promise.all([
        a.display.api.getSlideshowPage(ALICE, created.slideshowId, start, 7),
        b.display.api.getSlideshowPage(ALICE, created.slideshowId, start, 7),
      ]);
      assert.deepEqual(fromA.items.map(withoutUrl), fromB.items.map(withoutUrl), `page at ${start}`);
      pages.push(fromB);
    }
    assert.deepEqual(pages[0]?.items.map(withoutUrl), created.items.map(withoutUrl));
    const items = pages.flatMap((page) => page.items);
    assert.deepEqual(
      items.map((item) => item.index),
      Array.from({ length: created.total }, (_, i) => i),
      'gap-free',
    );
    const shown = items.flatMap((item) => item.photoIds);
    const expected = [...Array.from({ length: 40 }, (_, i) => `p${i}`), 'burst_a'];
    assert.deepEqual([...shown].sort(), expected.sort(), 'every photo once, one per near-duplicate group');
    assert.equal(created.photoCount, 41);
    assert.equal(created.total, items.length);
    assert.ok(created.total < 41, 'portraits were paired');
    assert.deepEqual(
      [library.searchCalls.length, library.describeCalls.length],
      [searchesAfterCreate, describesAfterCreate],
      'paging never asks the library',
    );
  });

  it('pairs portraits side by side on landscape screens only, and the pair renders both photos', async () => {
    const library = new InMemoryLibrary();
    // Taken one after the other: P P L P L L P P P, then a real red and a real blue portrait.
    const shapes = [true, true, false, true, false, false, true, true, true];
    shapes.forEach((portrait, i) => library.add(ALICE, photo(`s${i}`, 1, portrait, 8 + i), ['set']));
    const { dir } = await makeTempDir().then((temp) => (dirs.push(temp), temp));
    for (const [id, colour, hour] of [
      ['red', { r: 220, g: 20, b: 20 }, 20],
      ['blue', { r: 20, g: 20, b: 220 }, 21],
    ] as const) {
      const file = join(dir, `${id}.jpg`);
      await sharp({ create: { width: 600, height: 900, channels: 3, background: colour } })
        .jpeg()
        .toFile(file);
      library.add(ALICE, await summaryFor(file, id, `2026-07-01T${hour}:00:00`), ['set']);
    }
    const display = await instance(library);
    const create = (viewport: Viewport) =>
      display.display.api.createSlideshow({
        ownerId: ALICE,
        query: { labels: ['set'] },
        viewport,
        pageSize: 20,
      });

    const landscape = await create(LANDSCAPE_SCREEN);
    assert.deepEqual(
      landscape.items.map((item) => [item.layout, item.photoIds]),
      [
        ['pair', ['s0', 's1']],
        ['single', ['s2']],
        ['pair', ['s3', 's6']],
        ['single', ['s4']],
        ['single', ['s5']],
        ['pair', ['s7', 's8']],
        ['pair', ['red', 'blue']],
      ],
    );
    assert.deepEqual([landscape.total, landscape.photoCount], [7, 11]);
    const pair = landscape.items[6]!;
    const url = new URL(pair.url);
    assert.equal(url.pathname, '/v1/display/renditions/red,blue/1280x800');
    assert.equal(url.searchParams.get('comp'), 'pair');
    const response = await fetch(pair.url);
    const jpeg = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(jpeg).metadata();
    assert.deepEqual([response.status, meta.width, meta.height], [200, 1280, 800]);
    assert.ok(isNear(await pixelAt(jpeg, 320, 400), { r: 220, g: 20, b: 20 }), 'red on the left');
    assert.ok(isNear(await pixelAt(jpeg, 960, 400), { r: 20, g: 20, b: 220 }), 'blue on the right');

    for (const viewport of [
      { width: 1080, height: 1920, shape: 'RECTANGLE' },
      { width: 480, height: 480, shape: 'ROUND' },
    ] as const) {
      const page = await create(viewport);
      assert.deepEqual(
        [page.total, page.photoCount, new Set(page.items.map((item) => item.layout)).size],
        [11, 11, 1],
        viewport.shape,
      );
      assert.ok(page.items.every((item) => item.layout === 'single' && item.photoIds.length === 1));
    }
  });

  it('stores a caption with every item: date, place and people, for pairs too', async () => {
    const library = new InMemoryLibrary();
    const lisbon = { city: 'Lisbon', region: 'Lisbon', country: 'Portugal' };
    library.add(ALICE, photo('solo', 1, false), [], { place: lisbon, people: ['Ana'] });
    library.add(ALICE, photo('left', 2, true, 11), [], { place: lisbon, people: ['Rui', 'Ana'] });
    library.add(ALICE, photo('right', 2, true, 9), [], { place: lisbon, people: ['Marta'] });
    library.add(ALICE, photo('nowhere', 3, false), []);
    const [a, b] = [await instance(library), await instance(library)];
    const created = await a.display.api.createSlideshow({
      ownerId: ALICE,
      query: {},
      viewport: LANDSCAPE_SCREEN,
    });
    // Read back through the other instance: captions come from the database, not from the library again.
    const page = await b.display.api.getSlideshowPage(ALICE, created.slideshowId, 0, 10);
    assert.deepEqual(
      page.items.map((item) => [item.photoIds, item.takenLocal, item.caption]),
      [
        [
          ['solo'],
          '2026-07-01T10:00:00',
          { takenLocal: '2026-07-01T10:00:00', place: lisbon, people: ['Ana'] },
        ],
        // Ordered by time: 'right' (09:00) comes first and sits on the left.
        [
          ['right', 'left'],
          '2026-07-02T09:00:00',
          { takenLocal: '2026-07-02T09:00:00', place: lisbon, people: ['Marta', 'Rui', 'Ana'] },
        ],
        [['nowhere'], '2026-07-03T10:00:00', { takenLocal: '2026-07-03T10:00:00', place: null, people: [] }],
      ],
    );
  });
});
