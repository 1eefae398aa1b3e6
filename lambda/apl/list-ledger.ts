import type { SlideshowPage } from '../../common/contracts';

/**
 * What the skill has told one device list (a rendered slideshow's dynamicIndexList) since it was rendered.
 *
 * The device numbers its list items itself: a RenderDocument starts the list with the slideshow's own indices, but
 * every item deleted through UpdateIndexListData shifts the items after it down by one on the device (and lowers
 * the device's maximumExclusiveIndex with them). The display service keeps numbering by slideshow index, so loads
 * after a deletion must translate between the two, and `removed` is what that translation needs.
 */
export interface ListLedger {
  listId: string;
  /**
   * The last listVersion the skill sent for this list. The RenderDocument is version 0 and every versioned payload
   * the device accepts must be exactly one higher than the last, loads and updates alike.
   */
  version: number;
  /** Slideshow indices deleted from the device's list, ascending. */
  removed: number[];
}

export function freshLedger(listId: string): ListLedger {
  return { listId, version: 0, removed: [] };
}

/** Where the device holds slideshow item `slideshowIndex`; undefined once that item was deleted there. */
export function deviceIndexOf(ledger: ListLedger, slideshowIndex: number): number | undefined {
  if (ledger.removed.includes(slideshowIndex)) return undefined;
  return slideshowIndex - ledger.removed.filter((index) => index < slideshowIndex).length;
}

/** The slideshow item the device holds (or will hold, once loaded) at `deviceIndex`. */
export function slideshowIndexAt(ledger: ListLedger, deviceIndex: number): number {
  let index = deviceIndex;
  // Each deletion at or before the candidate pushes it one further along the slideshow.
  for (const removed of ledger.removed) {
    if (removed <= index) index += 1;
    else break;
  }
  return index;
}

/**
 * The slideshow index of the nearest item before `slideshowIndex` that is still in the device's list (-1 when every
 * earlier item was deleted): the list's last item once `slideshowIndex` is deleted, if that one was the last.
 */
export function keptBefore(ledger: ListLedger, slideshowIndex: number): number {
  let index = slideshowIndex - 1;
  while (index >= 0 && ledger.removed.includes(index)) index -= 1;
  return index;
}

/** How many deleted items lie at or after `slideshowIndex`: the extra items a page read from there must skip. */
export function removedFrom(ledger: ListLedger, slideshowIndex: number): number {
  return ledger.removed.filter((index) => index >= slideshowIndex).length;
}

/** The ledger after one more payload for the list, optionally one that deleted `slideshowIndex`. */
export function advanced(ledger: ListLedger, version: number, removedIndex?: number): ListLedger {
  const removed =
    removedIndex === undefined || ledger.removed.includes(removedIndex)
      ? ledger.removed
      : [...ledger.removed, removedIndex].sort((a, b) => a - b);
  return { listId: ledger.listId, version, removed };
}

/**
 * A page the display service answered from slideshow index `slideshowIndexAt(ledger, deviceStart)` (and read
 * `removedFrom` items further, to make up for the deleted ones), as the device numbers it: deleted items left out,
 * at most `count` items starting at `deviceStart`, and a total the device's bounds agree with (each deletion
 * lowered the device's maximumExclusiveIndex by one; answering the old total would grow the list back).
 */
export function toDevicePage(
  page: SlideshowPage,
  ledger: ListLedger,
  deviceStart: number,
  count: number,
): SlideshowPage {
  const items = page.items.filter((item) => !ledger.removed.includes(item.index)).slice(0, count);
  return {
    ...page,
    startIndex: deviceStart,
    total: Math.max(0, page.total - ledger.removed.length),
    items,
  };
}
