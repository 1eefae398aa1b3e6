import assert from 'node:assert/strict';
import type { PhotoSummary } from '../../../common/contracts';
import { RENDITION_PRESETS } from '../../../display-service/renditions/presets';
import { arrangeItems, pairsFitOn } from '../../../display-service/slideshows/pair-portraits';
import { fakeSummary } from '../helpers/image-fixtures';

const portrait = (id: string): PhotoSummary => ({ ...fakeSummary(id, null), width: 3000, height: 4000 });
const landscape = (id: string): PhotoSummary => fakeSummary(id, null);
const square = (id: string): PhotoSummary => ({ ...fakeSummary(id, null), width: 3000, height: 3000 });

function idsOf(items: ReturnType<typeof arrangeItems>): string[][] {
  return items.map((item) => item.map((photo) => photo.id));
}

describe('slideshows/pair-portraits', () => {
  it('pairs neighbouring portraits, and a portrait with the next one within three places, keeping the rest in order', () => {
    const photos = [
      portrait('p0'),
      portrait('p1'),
      landscape('l2'),
      portrait('p3'),
      landscape('l4'),
      square('s5'),
      portrait('p6'),
      portrait('p7'),
      portrait('p8'),
    ];
    assert.deepEqual(idsOf(arrangeItems(photos, true)), [
      ['p0', 'p1'],
      ['l2'],
      ['p3', 'p6'],
      ['l4'],
      ['s5'],
      ['p7', 'p8'],
    ]);
  });

  it('leaves a portrait single when the next portrait is more than three places ahead, or there is none', () => {
    const photos = [
      portrait('p0'),
      landscape('l1'),
      landscape('l2'),
      landscape('l3'),
      portrait('p4'),
      landscape('l5'),
    ];
    assert.deepEqual(idsOf(arrangeItems(photos, true)), [['p0'], ['l1'], ['l2'], ['l3'], ['p4'], ['l5']]);
  });

  it('never pairs a photo with itself, even when the list names it twice', () => {
    const photos = [portrait('p0'), portrait('p0'), portrait('p1')];
    assert.deepEqual(idsOf(arrangeItems(photos, true)), [['p0', 'p1'], ['p0']]);
  });

  it('shows every photo alone when pairing is off', () => {
    const photos = [portrait('p0'), portrait('p1'), landscape('l2')];
    assert.deepEqual(idsOf(arrangeItems(photos, false)), [['p0'], ['p1'], ['l2']]);
  });

  it('pairs only on landscape rectangles: never on portrait or round screens', () => {
    const fits = Object.fromEntries(RENDITION_PRESETS.map((preset) => [preset.name, pairsFitOn(preset)]));
    assert.deepEqual(fits, {
      'echo-spot': false,
      'echo-show-5': true,
      'echo-show-8-10': true,
      'full-hd': true,
      'full-hd-portrait': false,
      'uhd-4k': true,
    });
  });
});
