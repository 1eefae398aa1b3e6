import type { SlideshowItem } from '../frame-api-types';
import { formatCaption } from './caption-text';
import { HttpError, NetworkError } from './frame-client';
import type { Playlist } from './playlist';
import { BrokenRenditionError, ExpiredRenditionError, type RenditionStore } from './rendition-store';
import type { ReadyPhoto, Stage, StageLook } from './stage';

export interface PlayerDependencies {
  playlist: Playlist;
  store: RenditionStore;
  stage: Stage;
  /** Read on every photo, so a settings change applies from the next one. */
  look: () => StageLook;
  locale: string;
  /** Remembers the index on screen so the frame resumes there (after a reload, a restart, a power cut). */
  persist: (index: number) => void;
  /** The slideshow itself is gone or refused (not a network hiccup): start over. */
  onFatal: (error: unknown) => void;
  onFirstPhoto?: () => void;
  /** Renditions fetched ahead of the one on screen. */
  ahead?: number;
}

/** Failed photos skipped in a row before waiting for the next tick instead. */
const MAX_SKIPS = 8;
/** Photos remembered for replay while the server cannot be reached. */
const HISTORY = 30;
/** A clip that never says it ended (a stalled stream) is left this long after its length. */
const CLIP_GRACE_MS = 5000;

/**
 * Plays a slideshow: one photo every interval, next/previous on demand, pause. Each photo is fetched (or taken from
 * the rendition store) and decoded before it goes on screen; one that fails is skipped. When the server cannot be
 * reached, the frame keeps going on what it has stored (photos fetched ahead, then a replay of recent ones) without
 * moving its real position, and picks up where it left off once the server answers again.
 */
export class Player {
  private position = -1;
  private paused = false;
  private offline = false;
  private timer = 0;
  private running: Promise<void> | undefined;
  private pendingSteps = 0;
  private readonly history: number[] = [];
  private replayAt = 0;
  private prefetchGeneration = 0;
  private shownCount = 0;
  private stopped = false;
  /** How long the item on screen plays when it is a clip: the page moves on when it ends, not on the interval. */
  private clipMs: number | undefined;

  constructor(private readonly deps: PlayerDependencies) {
    deps.stage.onClipEnded = () => {
      if (!this.paused && !this.stopped && !this.running) void this.run(() => this.advance(1));
    };
  }

  /** Shows `index` first, then plays. */
  start(index: number): Promise<void> {
    return this.run(() => this.show(index, 1));
  }

  next(): void {
    this.request(1);
  }

  previous(): void {
    this.request(-1);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.deps.stage.setPaused(paused);
    if (paused) window.clearTimeout(this.timer);
    else this.schedule();
  }

  togglePause(): void {
    this.setPaused(!this.paused);
  }

  /** The interval changed: the photo on screen gets the new interval from now. */
  reschedule(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
  }

  /** For the page's state hook (tests, diagnostics). */
  snapshot(): { position: number; paused: boolean; offline: boolean; shown: number; slideshowId: string } {
    return {
      position: this.position,
      paused: this.paused,
      offline: this.offline,
      shown: this.shownCount,
      slideshowId: this.deps.playlist.slideshowId,
    };
  }

  /** Key presses while a photo is loading add up: three quick presses move three photos. */
  private request(step: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.pendingSteps += step;
      return;
    }
    void this.run(() => this.advance(step));
  }

  private async run(work: () => Promise<void>): Promise<void> {
    window.clearTimeout(this.timer);
    this.running = (async () => {
      try {
        await work();
      } catch (error) {
        this.deps.onFatal(error);
      }
    })();
    await this.running;
    this.running = undefined;
    if (this.stopped) return;
    if (this.pendingSteps !== 0) {
      const steps = this.pendingSteps;
      this.pendingSteps = 0;
      return this.run(() => this.advance(steps));
    }
    this.schedule();
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    if (this.paused || this.stopped || this.running) return;
    const stay = this.clipMs === undefined ? this.deps.look().intervalMs : this.clipMs + CLIP_GRACE_MS;
    this.timer = window.setTimeout(() => void this.run(() => this.advance(1)), stay);
  }

  private advance(step: number): Promise<void> {
    const target = this.position < 0 ? 0 : this.position + step;
    return this.show(target, step < 0 ? -1 : 1);
  }

  private async show(target: number, direction: 1 | -1): Promise<void> {
    const { playlist } = this.deps;
    let index = playlist.normalize(target);
    for (let attempt = 0; attempt < MAX_SKIPS; attempt++) {
      let ready: ReadyPhoto | undefined;
      try {
        ready = await this.prepare(index);
      } catch (error) {
        if (error instanceof BrokenRenditionError) {
          index = playlist.normalize(index + direction);
          continue;
        }
        if (error instanceof ExpiredRenditionError) {
          // A refusal (the slideshow gone, the session ended) is fatal; a network hiccup is retried below.
          await playlist.refresh(index).catch((refreshError: unknown) => {
            if (refreshError instanceof HttpError && !refreshError.transient) throw refreshError;
          });
          continue;
        }
        if (error instanceof NetworkError || (error instanceof HttpError && error.transient)) {
          await this.carryOnOffline(index, direction);
          return;
        }
        throw error;
      }
      if (!ready) {
        // Past the end of a playlist that shrank, or an empty page: start over from the first photo.
        if (index === 0) return;
        index = 0;
        continue;
      }
      this.present(ready, index, true);
      return;
    }
  }

  private present(ready: ReadyPhoto, index: number, real: boolean): void {
    this.deps.stage.present(ready, this.deps.look());
    this.clipMs = ready.item.clip?.durationMs;
    this.shownCount++;
    if (this.shownCount === 1) this.deps.onFirstPhoto?.();
    if (!real) return;
    this.position = index;
    this.setOffline(false);
    this.remember(index);
    this.deps.persist(index);
    this.deps.playlist.prune(index);
    void this.prefetch();
  }

  /** Fetches (or finds) and decodes the rendition of `index`; undefined when there is no such item. */
  private async prepare(index: number): Promise<ReadyPhoto | undefined> {
    const item = await this.deps.playlist.itemAt(index);
    if (!item) return undefined;
    // A stored copy is confirmed first: the owner may have hidden the photo since it was fetched ahead.
    return this.decode(item, await this.deps.store.get(item.url, { confirm: true }));
  }

  private async prepareCached(index: number): Promise<ReadyPhoto | undefined> {
    const item = this.deps.playlist.known(index);
    if (!item) return undefined;
    const blob = await this.deps.store.cached(item.url);
    if (!blob) return undefined;
    try {
      return await this.decode(item, blob);
    } catch {
      return undefined;
    }
  }

  private async decode(item: SlideshowItem, blob: Blob): Promise<ReadyPhoto> {
    const objectUrl = URL.createObjectURL(blob);
    const image = new Image();
    image.src = objectUrl;
    try {
      await image.decode();
      if (image.naturalWidth === 0) throw new Error('empty image');
    } catch {
      URL.revokeObjectURL(objectUrl);
      await this.deps.store.forget(item.url);
      throw new BrokenRenditionError(`photo ${item.photoIds.join('+')} does not decode`);
    }
    return { item, image, objectUrl, captionText: formatCaption(item.caption, this.deps.locale) };
  }

  /**
   * The server cannot be reached. Move on to a stored photo ahead if there is one (real progress); otherwise replay
   * a recent one without moving the position; otherwise keep the photo on screen. The next tick tries again.
   */
  private async carryOnOffline(target: number, direction: 1 | -1): Promise<void> {
    this.setOffline(true);
    const { playlist } = this.deps;
    for (let step = 1; step <= (this.deps.ahead ?? 10); step++) {
      const index = playlist.normalize(target + (step - 1) * direction);
      if (index === this.position) break;
      const ready = await this.prepareCached(index);
      if (ready) {
        this.present(ready, index, true);
        // Still offline: present() assumed the network was back.
        this.setOffline(true);
        return;
      }
    }
    for (let tries = 0; tries < this.history.length; tries++) {
      const index = this.history[this.replayAt++ % this.history.length];
      if (index === undefined || index === this.deps.stage.shownIndex) continue;
      const ready = await this.prepareCached(index);
      if (ready) {
        this.present(ready, index, false);
        return;
      }
    }
  }

  private setOffline(offline: boolean): void {
    if (this.offline === offline) return;
    this.offline = offline;
    this.deps.stage.setOffline(offline);
  }

  private remember(index: number): void {
    const at = this.history.indexOf(index);
    if (at >= 0) this.history.splice(at, 1);
    this.history.push(index);
    if (this.history.length > HISTORY) this.history.shift();
  }

  /** Fetches the next few renditions (loading their pages as needed), one at a time so the server is not swamped. */
  private async prefetch(): Promise<void> {
    const generation = ++this.prefetchGeneration;
    const { playlist, store } = this.deps;
    for (let step = 1; step <= (this.deps.ahead ?? 10); step++) {
      if (generation !== this.prefetchGeneration || this.stopped) return;
      const index = playlist.normalize(this.position + step);
      try {
        const item = await playlist.itemAt(index);
        if (!item) return;
        if (!store.has(item.url)) await store.get(item.url);
      } catch (error) {
        // Refused (the session ended): said at once, not when the photo's turn comes, which may be minutes away.
        if (error instanceof HttpError && error.status === 401) {
          this.deps.onFatal(error);
          return;
        }
        // A broken photo is skipped when its turn comes; anything else means the server is away: stop for now.
        if (!(error instanceof BrokenRenditionError)) return;
      }
    }
  }
}
