import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  OWNER_HEADER,
  slideshowPageSchema,
  type CreateSlideshowRequest,
  type SlideshowPage,
} from '../../common/contracts';
import { isAppError } from '../../common/errors';
import { startDisplay, type RunningDisplay } from './helpers/display-harness';
import { InMemoryLibrary } from './helpers/in-memory-library';
import { SERVICE_AUTH } from '../support/test-credentials';
import { fakeSummary, makeTempDir, summaryFor, writePlainJpeg } from './helpers/image-fixtures';

const ALICE = 'alice';
const BOB = 'bob';

/** 25 beach photos for alice in July 2026 (one a day), 3 mountain photos, one undated beach photo; 2 for bob. */
function seededLibrary(): InMemoryLibrary {
  const library = new InMemoryLibrary();
  for (let day = 1; day <= 25; day++) {
    const dd = String(day).padStart(2, '0');
    library.add(ALICE, fakeSummary(`beach_${dd}`, `2026-07-${dd}T10:00:00`), ['beach']);
  }
  for (let i = 1; i <= 3; i++)
    library.add(ALICE, fakeSummary(`mountain_${i}`, `2025-01-0${i}T09:00:00`), ['mountain']);
  library.add(ALICE, fakeSummary('beach_undated', null), ['beach']);
  library.add(BOB, fakeSummary('bob_beach_1', '2026-07-03T10:00:00'), ['beach']);
  library.add(BOB, fakeSummary('bob_beach_2', '2026-07-04T10:00:00'), ['beach']);
  return library;
}

const beachRequest = (overrides: Partial<CreateSlideshowRequest> = {}): CreateSlideshowRequest => ({
  ownerId: ALICE,
  query: { labels: ['beach'], takenFrom: '2026-06-01T00:00:00', takenTo: '2026-09-01T00:00:00' },
  viewport: { width: 1280, height: 800, shape: 'RECTANGLE' },
  deviceId: 'echo-show-8',
  pageSize: 10,
  ...overrides,
});

describe('display', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let running: RunningDisplay | undefined;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await cleanup();
  });

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${running!.displayUrl}/slideshows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...SERVICE_AUTH, ...headers },
      body: JSON.stringify(body),
    });
  }

  async function getItems(slideshowId: string, query: string, owner: string | undefined): Promise<Response> {
    return fetch(`${running!.displayUrl}/slideshows/${slideshowId}/items?${query}`, {
      headers: owner === undefined ? SERVICE_AUTH : { ...SERVICE_AUTH, [OWNER_HEADER]: owner },
    });
  }

  async function pageOf(response: Response): Promise<SlideshowPage> {
    assert.ok(response.ok, `HTTP ${response.status}: ${await response.clone().text()}`);
    return slideshowPageSchema.parse(await response.json());
  }

  async function errorCode(response: Response): Promise<string> {
    const body = (await response.json()) as { error: { code: string } };
    return `${response.status} ${body.error.code}`;
  }

  it('creates a slideshow over HTTP: the first page, in time order, with signed URLs sized for the screen', async () => {
    running = await startDisplay(dir, { library: seededLibrary() });
    const response = await post(beachRequest(), { [OWNER_HEADER]: ALICE });
    assert.equal(response.status, 201);
    const page = await pageOf(response);
    assert.match(page.slideshowId, /^ss_[A-Za-z0-9_-]{22}$/);
    assert.equal(page.total, 25);
    assert.deepEqual(page.span, { first: '2026-07-01T10:00:00', last: '2026-07-25T10:00:00' });
    assert.equal(page.startIndex, 0);
    assert.deepEqual(
      page.items.map((item) => [item.index, item.photoIds, item.width, item.height, item.takenLocal]),
      Array.from({ length: 10 }, (_, i) => {
        const dd = String(i + 1).padStart(2, '0');
        return [i, [`beach_${dd}`], 1280, 800, `2026-07-${dd}T10:00:00`];
      }),
    );
    const url = new URL(page.items[0]?.url ?? '');
    assert.equal(url.origin, running.publicBaseUrl);
    assert.equal(url.pathname, '/v1/display/renditions/beach_01/1280x800');
    assert.equal(url.searchParams.get('owner'), ALICE);
    assert.equal(url.searchParams.get('shape'), 'RECTANGLE');
    assert.equal(url.searchParams.get('comp'), 'contain');
  });

  it("sizes items and URLs for the viewport's own aspect ratio (quantized), and the URL serves that size", async () => {
    const library = seededLibrary();
    const file = join(dir, 'photo.jpg');
    await writePlainJpeg(file, 3000, 2000);
    library.add(ALICE, await summaryFor(file, 'real_photo', '2026-07-30T10:00:00'), ['beach']);
    running = await startDisplay(dir, { library });
    for (const [viewport, expected] of [
      [{ width: 1024, height: 600, shape: 'RECTANGLE' }, [1024, 600]],
      [{ width: 1280, height: 800, shape: 'RECTANGLE' }, [1280, 800]],
      [{ width: 400, height: 400, shape: 'ROUND' }, [480, 480]],
      [{ width: 800, height: 1280, shape: 'RECTANGLE' }, [800, 1280]],
      [{ width: 1170, height: 2532, shape: 'RECTANGLE' }, [1184, 2560]],
    ] as const) {
      const page = await running.display.api.createSlideshow(beachRequest({ viewport, pageSize: 30 }));
      const item = page.items.find((candidate) => candidate.photoIds[0] === 'real_photo');
      assert.ok(item, 'the real photo is in the slideshow');
      assert.deepEqual([item.width, item.height], expected, JSON.stringify(viewport));
      assert.match(new URL(item.url).pathname, new RegExp(`/${expected[0]}x${expected[1]}$`));
      const response = await fetch(item.url);
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      assert.deepEqual([response.status, meta.width, meta.height], [200, ...expected]);
    }
  });

  it('pages through a slideshow in windows, clamped to the total, empty beyond it', async () => {
    running = await startDisplay(dir, { library: seededLibrary() });
    const { slideshowId } = await pageOf(await post(beachRequest()));

    const middle = await pageOf(await getItems(slideshowId, 'start=10&count=10', ALICE));
    assert.equal(middle.startIndex, 10);
    assert.deepEqual(
      middle.items.map((item) => item.index),
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
    );
    assert.deepEqual(middle.items[0]?.photoIds, ['beach_11']);

    const tail = await pageOf(await getItems(slideshowId, 'start=20&count=10', ALICE));
    assert.deepEqual(
      tail.items.map((item) => item.photoIds[0]),
      ['beach_21', 'beach_22', 'beach_23', 'beach_24', 'beach_25'],
    );
    const beyond = await pageOf(await getItems(slideshowId, 'start=40', ALICE));
    assert.deepEqual([beyond.total, beyond.startIndex, beyond.items.length], [25, 40, 0]);

    assert.equal(await errorCode(await getItems(slideshowId, 'start=-1', ALICE)), '400 INVALID_REQUEST');
    assert.equal(
      await errorCode(await getItems(slideshowId, 'start=0&count=101', ALICE)),
      '400 INVALID_REQUEST',
    );
  });

  it("never shows one owner's slideshow to another: 404 SLIDESHOW_NOT_FOUND, like an unknown id", async () => {
    running = await startDisplay(dir, { library: seededLibrary() });
    const { slideshowId } = await pageOf(await post(beachRequest()));
    const asBob = await getItems(slideshowId, 'start=0', BOB);
    const unknown = await getItems('ss_AAAAAAAAAAAAAAAAAAAAAA', 'start=0', ALICE);
    assert.equal(await errorCode(asBob), '404 SLIDESHOW_NOT_FOUND');
    assert.equal(await errorCode(unknown), '404 SLIDESHOW_NOT_FOUND');
    assert.equal(
      await errorCode(await getItems(slideshowId, 'start=0', undefined)),
      '400 OWNER_HEADER_REQUIRED',
    );
    await assert.rejects(running.display.api.getSlideshowPage(BOB, slideshowId, 0, 10), (error) => {
      return isAppError(error) && error.code === 'SLIDESHOW_NOT_FOUND';
    });

    const bobs = await pageOf(await post(beachRequest({ ownerId: BOB })));
    assert.deepEqual(
      bobs.items.map((item) => item.photoIds[0]),
      ['bob_beach_1', 'bob_beach_2'],
    );
  });

  it('refuses a body whose ownerId differs from the x-photo-owner header, and invalid bodies', async () => {
    running = await startDisplay(dir, { library: seededLibrary() });
    assert.equal(await errorCode(await post(beachRequest(), { [OWNER_HEADER]: BOB })), '403 OWNER_MISMATCH');
    const tooWide = beachRequest({ viewport: { width: 9000, height: 800 } });
    assert.equal(await errorCode(await post(tooWide)), '400 INVALID_REQUEST');
    assert.equal(running.library.searchCalls.length, 0);
  });

  it('keeps slideshows across a restart on the same SQLite file', async () => {
    const library = seededLibrary();
    running = await startDisplay(dir, { library });
    const created = await running.display.api.createSlideshow(beachRequest({ pageSize: 5 }));
    await running.close();

    running = await startDisplay(dir, { library });
    const page = await running.display.api.getSlideshowPage(ALICE, created.slideshowId, 3, 4);
    assert.equal(page.total, 25);
    assert.deepEqual(page.span, created.span);
    assert.deepEqual(
      page.items.map((item) => item.photoIds[0]),
      ['beach_04', 'beach_05', 'beach_06', 'beach_07'],
    );
  });

  it('asks the library in pages of 1000, following its cursors, and stops at 10 000 photos', async () => {
    const library = new InMemoryLibrary();
    for (let i = 0; i < 10_500; i++) {
      library.add(ALICE, fakeSummary(`p${String(i).padStart(5, '0')}`, '2026-07-01T10:00:00'), ['beach']);
    }
    running = await startDisplay(dir, { library });
    const created = await running.display.api.createSlideshow(beachRequest({ query: { labels: ['beach'] } }));
    assert.equal(created.total, 10_000);
    const calls = library.searchCalls.map(({ request }) => request);
    assert.deepEqual(
      calls.map((request) => [request.limit, request.offset]),
      Array.from({ length: 10 }, () => [1000, undefined]),
    );
    // Each page continues from the cursor the previous page answered with.
    assert.equal(calls[0]?.cursor, undefined);
    for (let page = 1; page < calls.length; page++) {
      const previous = await library.search(ALICE, calls[page - 1]!);
      assert.equal(calls[page]?.cursor, previous.nextCursor);
    }
    const last = await running.display.api.getSlideshowPage(ALICE, created.slideshowId, 9_998, 10);
    assert.deepEqual(
      last.items.map((item) => [item.index, item.photoIds[0]]),
      [
        [9_998, 'p09998'],
        [9_999, 'p09999'],
      ],
    );
  });

  it('creates an empty slideshow when nothing matches', async () => {
    running = await startDisplay(dir, { library: seededLibrary() });
    const page = await running.display.api.createSlideshow(beachRequest({ query: { labels: ['snow'] } }));
    assert.deepEqual([page.total, page.span, page.items], [0, null, []]);
  });

  it('pre-renders the first page in the background, so the device finds it ready on disk', async () => {
    const library = new InMemoryLibrary();
    // Different sizes, so different content hashes and two distinct renditions.
    for (const [id, width, height] of [
      ['one', 800, 600],
      ['two', 600, 800],
    ] as const) {
      const file = join(dir, `${id}.jpg`);
      await writePlainJpeg(file, width, height);
      library.add(ALICE, await summaryFor(file, id), ['beach']);
    }
    running = await startDisplay(dir, { library });
    const page = await running.display.api.createSlideshow(
      beachRequest({ query: { labels: ['beach'] }, viewport: { width: 480, height: 480, shape: 'ROUND' } }),
    );
    assert.equal(page.items.length, 2);

    const deadline = Date.now() + 10_000;
    let rendered: string[] = [];
    while (rendered.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      rendered = await listRenditions(join(dir, 'renditions'));
    }
    assert.equal(rendered.length, 2, 'both first-page renditions are persisted');

    const response = await fetch(page.items[0]?.url ?? '');
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    assert.deepEqual([response.status, meta.width, meta.height], [200, 480, 480]);
  });
});

describe('slideshow prefetch', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let running: RunningDisplay | undefined;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await cleanup();
  });

  async function renditionsOnDisk(expected: number): Promise<number> {
    const deadline = Date.now() + 15_000;
    let rendered = await listRenditions(join(dir, 'renditions'));
    while (rendered.length < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      rendered = await listRenditions(join(dir, 'renditions'));
    }
    return rendered.length;
  }

  it('renders the first two pages on create, and the asked page and the next when the device pages', async () => {
    const library = new InMemoryLibrary();
    for (let i = 0; i < 7; i++) {
      // Different sizes, so different content hashes and distinct renditions.
      const file = join(dir, `p${i}.jpg`);
      await writePlainJpeg(file, 400 + i * 10, 300);
      library.add(ALICE, await summaryFor(file, `p${i}`), ['beach']);
    }
    running = await startDisplay(dir, { library });
    const page = await running.display.api.createSlideshow(
      beachRequest({
        query: { labels: ['beach'] },
        viewport: { width: 480, height: 480, shape: 'ROUND' },
        pageSize: 2,
      }),
    );
    assert.equal(page.total, 7);
    assert.equal(await renditionsOnDisk(4), 4, 'pages [0,2) and [2,4) rendered ahead');
    // Nothing beyond the second page yet: prefetch follows the device, it does not render the whole show.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await listRenditions(join(dir, 'renditions'))).length, 4);

    await running.display.api.getSlideshowPage(ALICE, page.slideshowId, 4, 2);
    assert.equal(await renditionsOnDisk(7), 7, 'the asked page [4,6) and the next [6,7) rendered ahead');
  });
});

async function listRenditions(root: string): Promise<string[]> {
  try {
    const shards = await readdir(root);
    const files = await Promise.all(shards.map((shard) => readdir(join(root, shard))));
    return files.flat().filter((name) => name.endsWith('.img'));
  } catch {
    return [];
  }
}
