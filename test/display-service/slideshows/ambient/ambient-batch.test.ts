import assert from 'node:assert/strict';
import type {
  PhotoSummary,
  SlideshowItem,
  StartAmbientRequest,
  Viewport,
} from '../../../../common/contracts';
import { frameProfileSettingsSchema } from '../../../../display-service/profiles/frame-profile';
import { startDisplay, type RunningDisplay } from '../../helpers/display-harness';
import { describeOnEachEngine, type TestDatabase } from '../../helpers/display-engines';
import { fakeSummary, makeTempDir } from '../../helpers/image-fixtures';
import { InMemoryLibrary } from '../../helpers/in-memory-library';

const ALICE = 'alice';
const DEVICE = 'amzn1.ask.device.LIVING';
/** Portrait screen: no pairs, so every item is one photo or one clip. */
const PORTRAIT: Viewport = { width: 800, height: 1280, shape: 'RECTANGLE' };

function clip(id: string, i: number): PhotoSummary {
  return {
    ...fakeSummary(id, `2022-0${1 + (i % 6)}-1${i % 10}T10:00:00`),
    mediaKind: 'video',
    durationMs: 4000,
  };
}

/** `photos` photos `p…` and `clips` clips `c…` of Alice's. */
function libraryOf(photos: number, clips: number): InMemoryLibrary {
  const library = new InMemoryLibrary();
  for (let i = 0; i < photos; i++) {
    library.add(
      ALICE,
      fakeSummary(`p${String(i).padStart(3, '0')}`, `2021-0${1 + (i % 6)}-1${i % 10}T10:00:00`),
    );
  }
  for (let i = 0; i < clips; i++) library.add(ALICE, clip(`c${i}`, i), [], { mediaKind: 'video' });
  return library;
}

const request = (overrides: Partial<StartAmbientRequest> = {}): StartAmbientRequest => ({
  ownerId: ALICE,
  deviceId: DEVICE,
  viewport: PORTRAIT,
  memories: false,
  pageSize: 20,
  ...overrides,
});

const isClip = (item: SlideshowItem): boolean => (item.photoIds[0] ?? '').startsWith('c');
const clipIndexes = (items: readonly SlideshowItem[]): number[] =>
  items.flatMap((item, index) => (isClip(item) ? [index] : []));

describeOnEachEngine('ambient slideshows mix clips in at a share', (engine) => {
  let database: TestDatabase;
  let cleanups: (() => Promise<void>)[];

  beforeEach(async () => {
    database = await engine.open();
    cleanups = [];
  });
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await database.cleanup();
  });

  async function instance(
    library: InMemoryLibrary,
    ambientClipSharePercent?: number,
  ): Promise<RunningDisplay> {
    const temp = await makeTempDir();
    cleanups.push(temp.cleanup);
    const started = await startDisplay(temp.dir, {
      database: database.location,
      library,
      ...(ambientClipSharePercent === undefined ? {} : { ambientClipSharePercent }),
    });
    cleanups.push(() => started.close());
    return started;
  }

  async function firstItems(display: RunningDisplay, count: number): Promise<SlideshowItem[]> {
    const started = await display.display.api.startAmbient(request());
    const items = [...started.items];
    while (items.length < count) {
      const page = await display.display.api.getSlideshowPage(ALICE, started.slideshowId, items.length, 20);
      items.push(...page.items);
    }
    return items.slice(0, count);
  }

  it('spreads round(K × share) clips evenly over the first K items, each clip once, across batches', async () => {
    const display = await instance(libraryOf(30, 10), 25);
    const items = await firstItems(display, 40);
    // 25 %: a clip at 1, 5, 9… (items are made 20 at a time, so this crosses batches).
    assert.deepEqual(clipIndexes(items), [1, 5, 9, 13, 17, 21, 25, 29, 33, 37]);
    const clips = items.filter(isClip).map((item) => item.photoIds[0]);
    assert.equal(new Set(clips).size, 10, 'every clip once');
    const photos = items.filter((item) => !isClip(item)).map((item) => item.photoIds[0]);
    assert.equal(new Set(photos).size, 30, 'every photo once');
    assert.ok(
      items.filter(isClip).every((item) => item.clip?.url.includes('/clips/')),
      'clips carry their MP4 URL',
    );
  });

  it('shows no clip at share 0, and fills a clip place with a photo when the library has too few clips', async () => {
    const none = await instance(libraryOf(12, 4), 0);
    assert.deepEqual(clipIndexes(await firstItems(none, 24)), []);

    // 50 % asks for a clip at every other item (from the first: round(1 × 0.5) is 1); two clips are shown once each while the 20 photos go round once.
    const few = await instance(libraryOf(20, 2), 50);
    const items = await firstItems(few, 22);
    assert.deepEqual(clipIndexes(items), [0, 2]);
    assert.equal(
      new Set(
        items
          .slice(0, 22)
          .filter((item) => !isClip(item))
          .map((i) => i.photoIds[0]),
      ).size,
      20,
    );
  });

  it('is never an empty page: a library of clips only shows them one after another', async () => {
    const display = await instance(libraryOf(0, 3), 10);
    const items = await firstItems(display, 6);
    assert.equal(items.length, 6);
    assert.ok(items.every(isClip), items.map((item) => item.photoIds[0]).join(' '));
  });

  it("follows a change of the frame's profile at the next start, and keeps a frame's own share per device", async () => {
    const display = await instance(libraryOf(20, 10));
    // The display's default (10 %): a clip at 4 and 14.
    assert.deepEqual(clipIndexes(await firstItems(display, 20)), [4, 14]);
    const save = (clipSharePercent: number) =>
      display.display.profiles.save(
        ALICE,
        DEVICE,
        frameProfileSettingsSchema.parse({ clipSharePercent }),
        undefined,
      );
    assert.equal((await save(0)).clipSharePercent, 0);
    assert.deepEqual(clipIndexes(await firstItems(display, 20)), []);
    await save(50);
    assert.deepEqual(clipIndexes(await firstItems(display, 10)), [0, 2, 4, 6, 8]);
    assert.equal(await display.display.profiles.clipShareFor(ALICE, 'amzn1.ask.device.OTHER'), 10);
  });
});
