import assert from 'node:assert/strict';
import {
  clipShareEnvSchema,
  clipSlotsAmongPhotos,
  clipsAmongFirst,
  interleave,
  isClipSlot,
  photoSlotsBetween,
} from '../../../../display-service/slideshows/ambient/clip-share';

const placesUpTo = (count: number, percent: number): number[] =>
  Array.from({ length: count }, (_, index) => index).filter((index) => isClipSlot(index, percent));

describe('slideshows/ambient/clip-share', () => {
  it('gives the first K items round(K × share) clip places, spread evenly, never neighbours up to 50 %', () => {
    for (const percent of [1, 5, 10, 17, 25, 33, 40, 50]) {
      for (const count of [1, 7, 10, 20, 99, 200]) {
        assert.equal(
          placesUpTo(count, percent).length,
          Math.round((count * percent) / 100),
          `${percent}% of ${count}`,
        );
      }
      const places = placesUpTo(400, percent);
      const gaps = places.slice(1).map((at, i) => at - (places[i] ?? 0));
      // Evenly: every gap is the ideal spacing rounded down or up.
      const ideal = 100 / percent;
      assert.ok(
        gaps.every((gap) => gap >= Math.floor(ideal) && gap <= Math.ceil(ideal) && gap >= 2),
        `${percent}%: gaps ${gaps.join(',')}`,
      );
    }
    assert.deepEqual(placesUpTo(20, 25), [1, 5, 9, 13, 17]);
    assert.deepEqual(placesUpTo(50, 0), []);
    assert.equal(placesUpTo(50, 100).length, 50);
  });

  it('counts photo places and the clip places a batch of photo items passes', () => {
    assert.equal(photoSlotsBetween(0, 20, 25), 15);
    assert.equal(photoSlotsBetween(3, 10, 0), 10);
    // From item 0 at 25 %: photo, clip, photo, photo, photo, clip…: 4 photo items pass one clip place.
    assert.equal(clipSlotsAmongPhotos(0, 4, 25), 1);
    assert.equal(clipSlotsAmongPhotos(0, 5, 25), 2);
    assert.equal(clipSlotsAmongPhotos(0, 0, 25), 0);
    assert.equal(clipsAmongFirst(10, 10), 1);
  });

  it('lays clips on their places, photos filling missing clips, and clips following each other only when photos ran out', () => {
    const photos = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    assert.deepEqual(interleave(0, photos, ['c1', 'c2'], 25), [
      'p1',
      'c1',
      'p2',
      'p3',
      'p4',
      'c2',
      'p5',
      'p6',
    ]);
    // One clip for two places: the second place gets the next photo.
    assert.deepEqual(interleave(0, photos, ['c1'], 25), ['p1', 'c1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    // Starting mid-slideshow at a clip place.
    assert.deepEqual(interleave(1, ['p1', 'p2'], ['c1'], 25), ['c1', 'p1', 'p2']);
    // No photos: only clips remain.
    assert.deepEqual(interleave(0, [], ['c1', 'c2', 'c3'], 10), ['c1', 'c2', 'c3']);
  });

  it('reads AMBIENT_CLIP_SHARE as a whole percentage and refuses anything else', () => {
    assert.equal(clipShareEnvSchema.parse({}).AMBIENT_CLIP_SHARE, undefined);
    assert.equal(clipShareEnvSchema.parse({ AMBIENT_CLIP_SHARE: '' }).AMBIENT_CLIP_SHARE, undefined);
    assert.equal(clipShareEnvSchema.parse({ AMBIENT_CLIP_SHARE: '15' }).AMBIENT_CLIP_SHARE, 15);
    assert.equal(clipShareEnvSchema.parse({ AMBIENT_CLIP_SHARE: ' 0% ' }).AMBIENT_CLIP_SHARE, 0);
    for (const bad of ['150', '-1', 'abc', '12.5', '1e3']) {
      assert.equal(clipShareEnvSchema.safeParse({ AMBIENT_CLIP_SHARE: bad }).success, false, bad);
    }
  });
});
