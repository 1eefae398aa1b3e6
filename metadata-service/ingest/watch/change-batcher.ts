import {
  countFolderChanges,
  emptyFolderChanges,
  type FolderChange,
  type FolderChangeKind,
  type FolderChanges,
} from './folder-changes';

export interface ChangeBatcherOptions {
  /** A batch is handed on once no event came for this long (a copy of 200 photos is one batch, not 200). */
  quietMs: number;
  /** ...or this long after its first event, so a folder that never goes quiet is still indexed. */
  maxWaitMs: number;
  /** Originals per pass at most; more wait for the next pass. */
  maxBatch: number;
  /** More pending paths than this are dropped for one full rescan (a watcher's overflow). */
  maxPending: number;
}

export interface ChangeBatcherHandlers {
  /** Runs one pass; the next batch is handed on only after it settles. */
  flush(changes: FolderChanges): Promise<void>;
  /** Too many changes at once: pending paths were dropped, and a full rescan should pick them up. */
  overflow(): void;
}

/**
 * Coalesces watcher events into bounded batches, one pass at a time. The latest event per path wins (written then
 * deleted is deleted). Removals wait for a quiet moment and for every earlier write to be handed on: a move is an
 * unlink and an add, and the add must be ingested first for the photo to keep its id (ingest-changes.ts).
 *
 * Hand-written: debounce libraries coalesce calls, not keyed sets with a size bound, an overflow and removals held
 * behind writes; the state here is one Map and one timer.
 */
export class ChangeBatcher {
  private readonly pending = new Map<string, FolderChangeKind>();
  private firstEventAt = 0;
  private lastEventAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly options: ChangeBatcherOptions,
    private readonly handlers: ChangeBatcherHandlers,
    private readonly now: () => number = Date.now,
  ) {}

  push(change: FolderChange): void {
    if (this.closed) return;
    const at = this.now();
    if (this.pending.size === 0) this.firstEventAt = at;
    this.lastEventAt = at;
    // Delete first so the path moves to the end: batches keep the order paths last changed in.
    this.pending.delete(change.path);
    this.pending.set(change.path, change.kind);
    if (this.pending.size > this.options.maxPending) {
      this.pending.clear();
      this.handlers.overflow();
      return;
    }
    this.schedule();
  }

  /** Paths waiting for a pass. */
  get size(): number {
    return this.pending.size;
  }

  /** Stops taking events and waits for the pass in flight; pending paths are left to the next rescan. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.pending.clear();
    await this.running;
  }

  private schedule(): void {
    if (this.running || this.closed || this.pending.size === 0) return;
    clearTimeout(this.timer);
    const due =
      this.writes() >= this.options.maxBatch
        ? this.now()
        : Math.min(this.lastEventAt + this.options.quietMs, this.firstEventAt + this.options.maxWaitMs);
    this.timer = setTimeout(() => this.handOn(), Math.max(0, due - this.now()));
  }

  private writes(): number {
    let count = 0;
    for (const kind of this.pending.values()) if (kind === 'changed' || kind === 'sidecar') count += 1;
    return count;
  }

  private handOn(): void {
    const batch = this.take();
    if (countFolderChanges(batch) === 0) return this.schedule();
    this.running = this.handlers.flush(batch).then(
      () => this.afterPass(),
      () => this.afterPass(), // the handler reports its own failures; the batcher only keeps going
    );
  }

  private afterPass(): void {
    this.running = undefined;
    this.firstEventAt = this.pending.size > 0 ? this.now() : 0;
    this.schedule();
  }

  /** Up to maxBatch writes, and the removals too when every write fits and the folder has been quiet. */
  private take(): FolderChanges {
    const batch = emptyFolderChanges();
    const at = this.now();
    const settled =
      at - this.lastEventAt >= this.options.quietMs || at - this.firstEventAt >= this.options.maxWaitMs;
    let writes = 0;
    for (const [path, kind] of this.pending) {
      if (kind !== 'changed' && kind !== 'sidecar') continue;
      if (writes >= this.options.maxBatch) break;
      (kind === 'changed' ? batch.changed : batch.sidecars).push(path);
      this.pending.delete(path);
      writes += 1;
    }
    if (settled && this.writes() === 0) {
      for (const [path, kind] of this.pending) {
        (kind === 'removed' ? batch.removed : batch.removedFolders).push(path);
      }
      this.pending.clear();
    }
    return batch;
  }
}
