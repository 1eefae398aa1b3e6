import assert from 'node:assert/strict';
import type { PhotoSummary, Viewport } from '../../../common/contracts';
import { isAppError } from '../../../common/errors';
import { frameProfileSettingsSchema } from '../../../display-service/profiles/frame-profile';
import { startDisplay, type RunningDisplay } from '../helpers/display-harness';
import { describeOnEachEngine, type TestDatabase } from '../helpers/display-engines';
import { fakeSummary, makeTempDir } from '../helpers/image-fixtures';
import { InMemoryLibrary } from '../helpers/in-memory-library';

const ALICE = 'alice';
const BOB = 'bob';
const KITCHEN = 'amzn1.ask.device.KITCHEN';
const HALL = 'amzn1.ask.device.HALL';
const LANDSCAPE: Viewport = { width: 1280, height: 800, shape: 'RECTANGLE' };

function photo(id: string, i: number): PhotoSummary {
  return fakeSummary(id, `2021-0${1 + (i % 6)}-1${i % 10}T10:00:00`);
}

/** 12 photos of Alice's, every third a favourite; one photo of Bob's. */
function library(): InMemoryLibrary {
  const lib = new InMemoryLibrary();
  for (let i = 0; i < 12; i++) lib.add(ALICE, photo(`a${i}`, i), [], { favorite: i % 3 === 0 });
  lib.add(BOB, photo('b0', 0));
  return lib;
}

const settings = (overrides: Record<string, unknown> = {}) =>
  frameProfileSettingsSchema.parse({ intervalSeconds: 20, ...overrides });

describeOnEachEngine('per-frame profiles', (engine) => {
  let database: TestDatabase;
  let cleanups: (() => Promise<void>)[];
  let running: RunningDisplay[];

  beforeEach(async () => {
    database = await engine.open();
    cleanups = [];
    running = [];
  });
  afterEach(async () => {
    for (const instance of running) await instance.close();
    for (const cleanup of cleanups) await cleanup();
    await database.cleanup();
  });

  async function instance(lib: InMemoryLibrary): Promise<RunningDisplay> {
    const temp = await makeTempDir();
    cleanups.push(temp.cleanup);
    const started = await startDisplay(temp.dir, { database: database.location, library: lib });
    running.push(started);
    return started;
  }

  async function ambientPhotos(display: RunningDisplay, deviceId: string, owner = ALICE): Promise<string[]> {
    const page = await display.display.api.startAmbient({
      ownerId: owner,
      deviceId,
      viewport: LANDSCAPE,
      memories: false,
      pageSize: 20,
    });
    // Endless: 20 items of a 12-photo library repeat; what matters is which photos appear.
    return [...new Set(page.items.flatMap((item) => item.photoIds))].sort();
  }

  it("a device's ambient frame shows what its profile says, on another instance too; other devices are unchanged", async () => {
    const lib = library();
    const first = await instance(lib);
    // Both screens have played the ambient frame once, so they are Alice's frames.
    assert.equal((await ambientPhotos(first, KITCHEN)).length, 12);
    assert.equal((await ambientPhotos(first, HALL)).length, 12);

    const saved = await first.display.profiles.save(
      ALICE,
      KITCHEN,
      settings({ shows: { kind: 'favourites' } }),
      undefined,
    );
    assert.equal(saved.showsText, 'Favourites');
    assert.equal(saved.intervalSeconds, 20);

    // A second instance (another machine, or after a restart) reads the same stored profile.
    const second = await instance(lib);
    const kitchen = await ambientPhotos(second, KITCHEN);
    assert.deepEqual(kitchen, ['a0', 'a3', 'a6', 'a9']);
    assert.equal((await ambientPhotos(second, HALL)).length, 12);

    const frames = await second.display.profiles.listFrames(ALICE);
    assert.deepEqual(frames.map((f) => [f.deviceId, f.kind, f.profile?.showsText ?? null]).sort(), [
      [HALL, 'screen', null],
      [KITCHEN, 'screen', 'Favourites'],
    ]);

    // Back to everything: the whole library again.
    await second.display.profiles.save(ALICE, KITCHEN, settings(), undefined);
    assert.equal((await ambientPhotos(second, KITCHEN)).length, 12);
  });

  it("another owner's frame, or a device never seen, is not found; a selection with no photos is refused", async () => {
    const lib = library();
    const display = await instance(lib);
    await ambientPhotos(display, KITCHEN);
    for (const [owner, device] of [
      [BOB, KITCHEN],
      [ALICE, 'amzn1.ask.device.NEVER'],
    ] as const) {
      await assert.rejects(
        display.display.profiles.save(owner, device, settings(), undefined),
        (error: unknown) => isAppError(error) && error.status === 404 && error.code === 'FRAME_NOT_FOUND',
      );
    }
    assert.equal(await display.display.profiles.find(BOB, KITCHEN), undefined);
    // Bob's one photo is no favourite: his frame would show nothing, so the profile is refused, not stored.
    await ambientPhotos(display, HALL, BOB);
    await assert.rejects(
      display.display.profiles.save(BOB, HALL, settings({ shows: { kind: 'favourites' } }), undefined),
      (error: unknown) => isAppError(error) && error.code === 'NO_MATCHING_PHOTOS',
    );
    assert.equal(await display.display.profiles.find(BOB, HALL), undefined);
  });

  it('refuses hostile settings at the schema', () => {
    for (const bad of [
      { intervalSeconds: 0 },
      { intervalSeconds: 1e9 },
      { dimFrom: '25:00' },
      { dimLevel: 2 },
      { shows: { kind: 'person', personId: '../../etc' } },
      { shows: { kind: 'query', q: '' } },
      { shows: { kind: 'everything' }, extra: true },
    ]) {
      assert.equal(frameProfileSettingsSchema.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});
