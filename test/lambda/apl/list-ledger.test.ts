import assert from 'node:assert/strict';
import type { SlideshowItem, SlideshowPage } from '../../../common/contracts';
import {
  advanced,
  deviceIndexOf,
  freshLedger,
  keptBefore,
  removedFrom,
  slideshowIndexAt,
  toDevicePage,
  type ListLedger,
} from '../../../lambda/apl/list-ledger';

const LIST = 'ss_abcdefghij12';

function ledgerWithout(...removed: number[]): ListLedger {
  return removed.reduce((ledger, index) => advanced(ledger, ledger.version + 1, index), freshLedger(LIST));
}

function item(index: number): SlideshowItem {
  return {
    index,
    photoIds: [`p${index}`],
    url: `https://cdn.test/r/p${index}.jpg`,
    width: 1280,
    height: 800,
    takenLocal: null,
    layout: 'single',
    caption: { takenLocal: null, place: null, people: [] },
  };
}

function slideshowPage(start: number, count: number, total: number): SlideshowPage {
  const items = Array.from({ length: Math.min(count, total - start) }, (_, offset) => item(start + offset));
  return { slideshowId: LIST, total, photoCount: total, span: null, startIndex: start, items };
}

describe('list ledger: slideshow indices vs the device list after deletions', () => {
  it('a fresh list numbers its items as the slideshow does', () => {
    const ledger = freshLedger(LIST);
    assert.deepEqual(ledger, { listId: LIST, version: 0, removed: [] });
    assert.equal(deviceIndexOf(ledger, 7), 7);
    assert.equal(slideshowIndexAt(ledger, 7), 7);
  });

  it('every deletion shifts the later items down by one on the device, earlier ones stay', () => {
    const ledger = ledgerWithout(3, 8);
    assert.deepEqual(ledger.removed, [3, 8]);
    assert.equal(ledger.version, 2);
    assert.deepEqual(
      [0, 2, 4, 7, 9, 12].map((index) => deviceIndexOf(ledger, index)),
      [0, 2, 3, 6, 7, 10],
    );
    assert.equal(deviceIndexOf(ledger, 3), undefined, 'a deleted item is nowhere on the device');
    assert.equal(deviceIndexOf(ledger, 8), undefined);
  });

  it('maps every device index back to the slideshow item it holds (round trip, adjacent deletions too)', () => {
    const ledger = ledgerWithout(5, 2, 3, 9);
    assert.deepEqual(ledger.removed, [2, 3, 5, 9], 'kept ascending whatever the order of hiding');
    const kept = Array.from({ length: 15 }, (_, index) => index).filter(
      (index) => !ledger.removed.includes(index),
    );
    assert.deepEqual(
      kept.map((_, device) => slideshowIndexAt(ledger, device)),
      kept,
    );
    for (const index of kept)
      assert.equal(slideshowIndexAt(ledger, deviceIndexOf(ledger, index) ?? -1), index);
  });

  it('counts the deletions a page read from a slideshow index must skip', () => {
    const ledger = ledgerWithout(2, 11, 14);
    assert.equal(removedFrom(ledger, 0), 3);
    assert.equal(removedFrom(ledger, 11), 2);
    assert.equal(removedFrom(ledger, 15), 0);
  });

  it('the same index deleted twice counts once', () => {
    const ledger = advanced(ledgerWithout(4), 2, 4);
    assert.deepEqual(ledger.removed, [4]);
    assert.equal(ledger.version, 2);
  });

  it('turns a page read from the display service into the page the device asked for', () => {
    // The device holds 0..23 after slideshow items 3 and 12 of 25 were deleted, and asks for its 10..19.
    const ledger = ledgerWithout(3, 12);
    const start = slideshowIndexAt(ledger, 10);
    assert.equal(start, 11);
    const read = slideshowPage(start, 10 + removedFrom(ledger, start), 25);
    const page = toDevicePage(read, ledger, 10, 10);
    assert.equal(page.startIndex, 10);
    assert.equal(page.total, 23, 'the device bounds lost one item per deletion');
    assert.deepEqual(
      page.items.map((shown) => shown.index),
      [11, 13, 14, 15, 16, 17, 18, 19, 20, 21],
    );
  });

  it('names the nearest item before a deleted one that is still in the list: where the list ends if that was the last', () => {
    assert.equal(keptBefore(ledgerWithout(24), 24), 23);
    assert.equal(keptBefore(ledgerWithout(22, 23, 24), 24), 21, 'past every deleted item before it');
    assert.equal(keptBefore(ledgerWithout(3), 5), 4, 'deletions after an earlier one do not matter');
    assert.equal(keptBefore(ledgerWithout(0), 0), -1, 'nothing before the first');
    assert.equal(keptBefore(ledgerWithout(0, 1), 2), -1, 'nothing kept before it');
  });
});
