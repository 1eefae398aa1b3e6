import type { PhotoQueryInput, SlideshowPage } from '../../common/contracts';
import { RENDITION_PRESETS, type RenditionPreset } from '../../display-service/renditions/presets';
import type { RequestLog } from './request-log';

/** Pages a client plays before it starts over (a new request on an Echo Show, a reload of the web frame). */
const PAGES_PER_SESSION = 5;
const PAGE_SIZE = 10;

export interface ClientContext {
  baseUrl: string;
  ownerToken: string;
  /** The owner the token belongs to (PHOTO_OWNER_ID, `local` by default). */
  ownerId: string;
  /** Queries Echo Show clients ask for in turn (each known to match photos). */
  queries: readonly PhotoQueryInput[];
  thinkMs: number;
  log: RequestLog;
  /** True once the run's time is up: the client finishes the request in hand and stops. */
  timeUp: () => boolean;
}

/**
 * One slideshow client, as the two kinds of real screens behave (every other client is each kind):
 * - an Echo Show playing what it was asked for, as the skill does: `POST /v1/display/slideshows` with a query and
 *   its viewport, then `GET …/items` page by page, each item's signed rendition as JPEG;
 * - a web frame playing its ambient slideshow (`POST /v1/display/ambient`), as WebP, saving its position after each
 *   page (`POST …/position`) and resuming there after a reload.
 * Each page's renditions are fetched one after another, then the client waits about `thinkMs`. A failed page is
 * asked for again after the wait; a failed rendition is skipped, as the frame skips a photo it cannot load.
 */
export async function runSlideshowClient(index: number, context: ClientContext): Promise<void> {
  await sleep((index * 37) % 1000);
  if (index % 2 === 0) await playAsEchoShow(index, context);
  else await playAsWebFrame(index, context);
}

async function playAsEchoShow(index: number, c: ClientContext): Promise<void> {
  const echoPresets = presets(['echo-show-8-10', 'echo-show-5', 'full-hd', 'echo-spot']);
  const preset = echoPresets[Math.floor(index / 2) % echoPresets.length] ?? echoPresets[0]!;
  for (let session = 0; !c.timeUp(); session++) {
    const query = c.queries[(index + session) % c.queries.length] ?? {};
    const first = await c.log.send<SlideshowPage>('create', `${c.baseUrl}/v1/display/slideshows`, {
      method: 'POST',
      headers: jsonHeaders(c),
      body: JSON.stringify({
        ownerId: c.ownerId,
        query,
        viewport: viewportOf(preset),
        deviceId: `bench-echo-${index}`,
        pageSize: PAGE_SIZE,
      }),
      expect: 201,
      json: true,
    });
    if (first === undefined) {
      await think(c);
      continue;
    }
    await playPages(first, c, 'image/jpeg', false);
  }
}

async function playAsWebFrame(index: number, c: ClientContext): Promise<void> {
  const framePresets = presets(['full-hd', 'echo-show-8-10', 'full-hd-portrait']);
  const preset = framePresets[Math.floor(index / 2) % framePresets.length] ?? framePresets[0]!;
  while (!c.timeUp()) {
    const first = await c.log.send<SlideshowPage>('ambient', `${c.baseUrl}/v1/display/ambient`, {
      method: 'POST',
      headers: jsonHeaders(c),
      body: JSON.stringify({
        ownerId: c.ownerId,
        deviceId: `bench-frame-${index}`,
        viewport: viewportOf(preset),
        timeZone: 'Europe/Berlin',
        pageSize: PAGE_SIZE,
      }),
      expect: 200,
      json: true,
    });
    if (first === undefined) {
      await think(c);
      continue;
    }
    await playPages(first, c, 'image/webp,image/jpeg;q=0.8', true);
  }
}

/** Shows up to PAGES_PER_SESSION pages starting with `first`; ambient slideshows save their position after each. */
async function playPages(
  first: SlideshowPage,
  c: ClientContext,
  accept: string,
  ambient: boolean,
): Promise<void> {
  let page: SlideshowPage | undefined = first;
  for (let shown = 0; page !== undefined && !c.timeUp(); shown++) {
    for (const item of page.items) {
      if (c.timeUp()) return;
      await c.log.send<number>('rendition', item.url, { headers: { accept }, expect: 200, json: false });
    }
    const last = page.items.at(-1);
    if (ambient && last !== undefined && !c.timeUp()) {
      await c.log.send(
        'position',
        `${c.baseUrl}/v1/display/ambient/${encodeURIComponent(page.slideshowId)}/position`,
        {
          method: 'POST',
          headers: jsonHeaders(c),
          body: JSON.stringify({ index: last.index }),
          expect: 200,
          json: true,
        },
      );
    }
    await think(c);
    const next = page.startIndex + page.items.length;
    if (shown + 1 >= PAGES_PER_SESSION || page.items.length === 0 || (!page.endless && next >= page.total)) {
      return;
    }
    page = await pageUntilAnswered(page.slideshowId, next, c);
  }
}

/** A device keeps asking for the page it needs, a think time apart, until it gets it or the run ends. */
async function pageUntilAnswered(
  slideshowId: string,
  start: number,
  c: ClientContext,
): Promise<SlideshowPage | undefined> {
  while (!c.timeUp()) {
    const page = await c.log.send<SlideshowPage>(
      'page',
      `${c.baseUrl}/v1/display/slideshows/${encodeURIComponent(slideshowId)}/items?start=${start}&count=${PAGE_SIZE}`,
      { headers: { authorization: `Bearer ${c.ownerToken}` }, expect: 200, json: true },
    );
    if (page !== undefined) return page;
    await think(c);
  }
  return undefined;
}

function presets(names: readonly string[]): RenditionPreset[] {
  return RENDITION_PRESETS.filter((preset) => names.includes(preset.name));
}

function viewportOf(preset: RenditionPreset): { width: number; height: number; shape: string } {
  return { width: preset.width, height: preset.height, shape: preset.shape };
}

function jsonHeaders(c: ClientContext): Record<string, string> {
  return { authorization: `Bearer ${c.ownerToken}`, 'content-type': 'application/json' };
}

/** About thinkMs (0.5x to 1.5x), so a hundred clients do not move in lockstep. */
function think(c: ClientContext): Promise<void> {
  return sleep(c.thinkMs * (0.5 + Math.random()));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
