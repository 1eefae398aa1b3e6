import type { SlideshowItem, SlideshowPage } from '../frame-api-types';

/** Loads one page of a slideshow (the frame's API or the preview's). */
export type PageLoader = (slideshowId: string, start: number, count: number) => Promise<SlideshowPage>;

/** Items kept around the one on screen; everything further away is dropped and loaded again if needed. */
const KEEP_BEHIND = 30;
const KEEP_AHEAD = 60;

/**
 * The part of a slideshow the frame knows: items by index, loaded a page at a time (at page boundaries, one
 * request per page however many callers ask), and pruned around the current position so a frame that runs for
 * days holds a bounded number of items. Playlists wrap after their last item; ambient ones never end.
 */
export class Playlist {
  readonly slideshowId: string;
  readonly endless: boolean;
  private total: number;
  private readonly items = new Map<number, SlideshowItem>();
  private readonly loading = new Map<number, Promise<void>>();

  constructor(
    first: SlideshowPage,
    private readonly loadPage: PageLoader,
    private readonly pageSize: number,
  ) {
    this.slideshowId = first.slideshowId;
    this.endless = first.endless === true;
    this.total = first.total;
    this.add(first);
  }

  get size(): number {
    return this.total;
  }

  get isEmpty(): boolean {
    return this.total === 0 && this.items.size === 0;
  }

  /** Where `index` lands: wrapped around a playlist, never below 0 in an endless one. */
  normalize(index: number): number {
    if (this.endless) return Math.max(0, index);
    if (this.total === 0) return 0;
    return ((index % this.total) + this.total) % this.total;
  }

  known(index: number): SlideshowItem | undefined {
    return this.items.get(index);
  }

  /** The item at `index`, loading its page when needed; undefined past the end of what exists. */
  async itemAt(index: number): Promise<SlideshowItem | undefined> {
    const known = this.items.get(index);
    if (known) return known;
    if (!this.endless && index >= this.total) return undefined;
    await this.ensurePage(index);
    return this.items.get(index);
  }

  /** Loads the page holding `index` again: fresh signed URLs after they expired. */
  async refresh(index: number): Promise<void> {
    this.items.delete(index);
    await this.ensurePage(index);
  }

  /** Drops items far from `center` (both ways round a wrapping playlist). */
  prune(center: number): void {
    for (const index of this.items.keys()) {
      const keep = this.endless
        ? index - center <= KEEP_AHEAD && center - index <= KEEP_BEHIND
        : this.normalize(index - center) <= KEEP_AHEAD || this.normalize(center - index) <= KEEP_BEHIND;
      if (!keep) this.items.delete(index);
    }
  }

  private ensurePage(index: number): Promise<void> {
    const start = index - (index % this.pageSize);
    let pending = this.loading.get(start);
    if (!pending) {
      pending = this.loadPage(this.slideshowId, start, this.pageSize)
        .then((page) => this.add(page))
        .finally(() => this.loading.delete(start));
      this.loading.set(start, pending);
    }
    return pending;
  }

  private add(page: SlideshowPage): void {
    // Endless slideshows report the items made so far: it only grows.
    this.total = this.endless ? Math.max(this.total, page.total) : page.total;
    for (const item of page.items) this.items.set(item.index, item);
  }
}
