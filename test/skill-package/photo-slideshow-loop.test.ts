import assert from 'node:assert/strict';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { intentEnvelope, intentOnScreen, subjectSlot } from '../lambda/helpers/envelopes';
import { onListPage } from '../lambda/helpers/list-pages';
import { skillHarness, testPhotos } from '../lambda/helpers/skill-harness';
import { SlideshowDevice } from './helpers/slideshow-device';

type Harness = ReturnType<typeof skillHarness>;

/** The skill's default time per photo. */
const PAGE_MS = 8000;
/** Photos in each test slideshow: one RenderDocument holds them all (the skill sends 10 at first). */
const PHOTOS = 6;

/**
 * "Show me beach photos" from a fresh skill, played on the device model: the document the skill sent, its
 * datasources and its first ExecuteCommands, run as the device would.
 */
async function playing(options: { loop?: boolean } = {}): Promise<{
  harness: Harness;
  device: SlideshowDevice;
  listId: string;
}> {
  const harness = skillHarness(testPhotos(PHOTOS));
  if (options.loop === false) await harness.invoke(intentEnvelope('AMAZON.LoopOffIntent'));
  const response = await harness.invoke(
    intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') }),
  );
  const [render, ...rest] = response.response.directives ?? [];
  assert.equal(render?.type, 'Alexa.Presentation.APL.RenderDocument');
  const device = new SlideshowDevice(render);
  for (const directive of rest) device.receive(directive);
  const { photos } = render.datasources as { photos: { listId: string } };
  return { harness, device, listId: photos.listId };
}

/** "Hide this photo" about the page on screen, as the document's visual context names it; the device gets the answer. */
async function hideShown(
  harness: Harness,
  device: SlideshowDevice,
  listId: string,
): Promise<ResponseEnvelope> {
  const item = device.currentItem();
  const envelope = onListPage(intentOnScreen('HidePhotoIntent', item.photoIds as string[]), {
    listId,
    index: Number(item.index),
  });
  const response = await harness.invoke(envelope);
  for (const directive of response.response.directives ?? []) device.receive(directive);
  return response;
}

/** Plays `pages` page durations (a little more, so the last turn has happened) and returns what came on screen. */
function playFor(device: SlideshowDevice, pages: number): number[] {
  const before = device.shown.length;
  device.run(pages * PAGE_MS + PAGE_MS / 2);
  return device.shown.slice(before);
}

function showUntil(device: SlideshowDevice, slideshowIndex: number): void {
  assert.ok(
    device.runUntilShown(slideshowIndex, 3 * PHOTOS * PAGE_MS),
    `photo ${slideshowIndex} came on screen`,
  );
}

describe('PhotoSlideshow on the device: the loop after hidden photos leave the list', () => {
  it('a looping slideshow plays every photo and starts over after the last', async () => {
    const { device } = await playing();
    assert.deepEqual(device.shown, [0]);
    assert.deepEqual(playFor(device, 8), [1, 2, 3, 4, 5, 0, 1, 2]);
  });

  it('hiding the last photo while it is on screen goes on to the first photo and keeps looping over the rest', async () => {
    const { harness, device, listId } = await playing();
    showUntil(device, 5);
    const before = device.shown.length;
    await hideShown(harness, device, listId);
    device.run(1);
    // "Next" from the hidden last photo wraps at once; the loop then wraps after photo 4, the new last.
    assert.deepEqual(device.shown.slice(before), [0]);
    assert.deepEqual(playFor(device, 10), [1, 2, 3, 4, 0, 1, 2, 3, 4, 0]);
    assert.equal(device.binding('lastIndex'), 4);
  });

  it('hiding the last photo twice in a row keeps looping over what is left', async () => {
    const { harness, device, listId } = await playing();
    showUntil(device, 5);
    await hideShown(harness, device, listId);
    showUntil(device, 4);
    await hideShown(harness, device, listId);
    device.run(1);
    assert.equal(device.current(), 0);
    assert.deepEqual(playFor(device, 8), [1, 2, 3, 0, 1, 2, 3, 0]);
  });

  it('hiding photos in the middle and then the last one wraps after the last photo still in the list', async () => {
    const { harness, device, listId } = await playing();
    showUntil(device, 2);
    await hideShown(harness, device, listId);
    showUntil(device, 4);
    await hideShown(harness, device, listId);
    showUntil(device, 5);
    await hideShown(harness, device, listId);
    device.run(1);
    assert.equal(device.current(), 0);
    assert.deepEqual(playFor(device, 6), [1, 3, 0, 1, 3, 0]);
  });

  it('hiding the first photo keeps the loop starting over at the photo after it', async () => {
    const { harness, device, listId } = await playing();
    assert.equal(device.current(), 0);
    await hideShown(harness, device, listId);
    device.run(1);
    // The pager stays on its first page, which now holds the next photo: it is on screen, not skipped.
    assert.equal(device.current(), 1);
    const shown = playFor(device, 12);
    assert.equal(shown[0], 2, `the photo after the one on screen comes next: ${shown.join(',')}`);
    assert.ok(!shown.includes(0), `the hidden photo never comes back: ${shown.join(',')}`);
    const wrap = shown.indexOf(5) + 1;
    assert.ok(wrap > 0, `the slideshow reached its last photo: ${shown.join(',')}`);
    assert.deepEqual(shown.slice(wrap, wrap + 6), [1, 2, 3, 4, 5, 1]);
  });

  it('loop off: hiding the last photo on screen leaves the slideshow resting on the photo before it', async () => {
    const { harness, device, listId } = await playing({ loop: false });
    showUntil(device, 5);
    const before = device.shown.length;
    await hideShown(harness, device, listId);
    device.run(5 * PAGE_MS);
    assert.equal(device.current(), 4);
    assert.deepEqual(device.shown.slice(before), [], 'no page turn: it stays on the last photo left');
  });

  it('loop off: after a hidden photo the slideshow still stops at its last photo', async () => {
    const { harness, device, listId } = await playing({ loop: false });
    showUntil(device, 2);
    const before = device.shown.length;
    await hideShown(harness, device, listId);
    device.run(8 * PAGE_MS);
    assert.deepEqual(device.shown.slice(before), [3, 4, 5]);
    assert.equal(device.current(), 5);
  });
});
