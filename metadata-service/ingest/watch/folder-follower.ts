import type { Logger } from '../../../common/logger';
import { ChangeBatcher } from './change-batcher';
import type { FolderChanges } from './folder-changes';
import { watchFolder, type FolderWatcher } from './folder-watcher';
import type { ChangesReport } from './ingest-changes';
import { isFolder } from './is-folder';

/** The code of "the library folder is not there" (as the folder source's own check says it). */
const ROOT_GONE = 'SOURCE_NOT_FOUND';

export interface FollowSettings {
  /** Watch the folder for changes (WATCH_PHOTOS); off leaves only the periodic rescan. */
  watch: boolean;
  /** A full rescan this often (WATCH_RESCAN_MINUTES); 0 means none while the watcher works. */
  rescanIntervalMs: number;
}

export interface FollowTuning {
  /** Size of a new file unchanged this long before it is read (partial writes, slow copies). */
  stableMs: number;
  /** No event for this long hands a batch on; more than stableMs, so a move's add lands with its unlink. */
  quietMs: number;
  maxWaitMs: number;
  maxBatch: number;
  maxPending: number;
  /** How often to rescan after the watcher failed when no rescan interval is configured. */
  fallbackRescanMs: number;
  /**
   * How often to check that the folder itself is still there: chokidar reports the removal of a folder with files
   * in it, but not of an empty one (or an unmounted share); and once it is back, watching resumes at the next check.
   */
  rootCheckMs: number;
}

export const DEFAULT_FOLLOW_TUNING: FollowTuning = {
  stableMs: 700,
  quietMs: 1500,
  maxWaitMs: 10_000,
  maxBatch: 500,
  maxPending: 20_000,
  fallbackRescanMs: 10 * 60_000,
  rootCheckMs: 10_000,
};

export interface FollowDeps {
  /** One incremental pass over watched changes (the embedded stack queues it as an ingest job and waits). */
  ingestChanges(changes: FolderChanges): Promise<ChangesReport | void>;
  /** One full, incremental run over the folder (the safety net). */
  rescan(): Promise<unknown>;
  logger: Logger;
  /** A failure as /healthz may show it (no absolute paths). */
  describe(error: unknown): string;
}

/** What /healthz says about following the folder. */
export interface FollowSnapshot {
  /** 'off' when WATCH_PHOTOS=false; 'failed' when the watcher stopped and only rescans follow the folder. */
  watcher: 'starting' | 'watching' | 'off' | 'failed';
  /** Why the watcher stopped (while 'failed'). */
  reason?: string;
  /** Minutes between full rescans now in effect (null: none). */
  rescanMinutes: number | null;
  /** Incremental passes and full rescans run since startup. */
  passes: number;
  rescans: number;
  /** Changed paths waiting for the next pass. */
  pending: number;
  /** The last pass or rescan that failed, while nothing has succeeded since. */
  lastError?: string;
}

/**
 * Keeps a library in step with its folder while the server runs: watcher events are batched (change-batcher.ts)
 * into incremental passes, and a periodic full rescan catches whatever a watcher cannot see (a network share, a
 * change while the server was down, an overflow). Passes and rescans run one at a time, after `startAfter` (the
 * startup ingest). A watcher failure never stops the process: it is logged, shown in the snapshot, and the folder
 * is rescanned at once, then periodically; the watcher is tried again after each good rescan.
 */
export class FolderFollower {
  private watcher: FolderWatcher | undefined;
  private readonly batcher: ChangeBatcher;
  private state: FollowSnapshot['watcher'];
  private reason: string | undefined;
  private lastError: string | undefined;
  private passes = 0;
  private rescans = 0;
  private tail: Promise<void>;
  private rescanQueued = false;
  private rescanTimer: NodeJS.Timeout | undefined;
  private readonly rootTimer: NodeJS.Timeout | undefined;
  private rootMissing = false;
  private rescanEveryMs = 0;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly settings: FollowSettings,
    private readonly deps: FollowDeps,
    private readonly tuning: FollowTuning = DEFAULT_FOLLOW_TUNING,
    startAfter: Promise<unknown> = Promise.resolve(),
  ) {
    this.tail = startAfter.then(
      () => undefined,
      () => undefined,
    );
    this.batcher = new ChangeBatcher(tuning, {
      flush: (changes) => this.enqueue(() => this.pass(changes)),
      overflow: () => {
        deps.logger.warn('too many folder changes at once: rescanning the folder instead', {
          maxPending: tuning.maxPending,
        });
        this.queueRescan();
      },
    });
    this.state = settings.watch ? 'starting' : 'off';
    if (settings.watch) {
      this.startWatcher();
      this.rootTimer = setInterval(() => void this.checkRoot(), tuning.rootCheckMs);
      this.rootTimer.unref();
    }
    this.setRescanInterval(settings.rescanIntervalMs);
  }

  /** Resolves when the watcher reports every change from now on (at once when watching is off or failed). */
  async ready(): Promise<void> {
    await this.watcher?.ready;
  }

  /** Resolves when every pass and rescan queued so far has run. */
  async idle(): Promise<void> {
    let tail;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  snapshot(): FollowSnapshot {
    return {
      watcher: this.state,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      rescanMinutes: this.rescanEveryMs > 0 ? this.rescanEveryMs / 60_000 : null,
      passes: this.passes,
      rescans: this.rescans,
      pending: this.batcher.size,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.rescanTimer);
    clearInterval(this.rootTimer);
    await this.watcher?.close();
    await this.batcher.close();
    await this.idle();
  }

  private startWatcher(): void {
    this.state = 'starting';
    this.reason = undefined;
    const watcher = watchFolder(
      this.root,
      { stableMs: this.tuning.stableMs },
      {
        change: (change) => this.batcher.push(change),
        failed: (error) => this.watcherFailed(error),
      },
    );
    this.watcher = watcher;
    void watcher.ready.then(() => {
      if (this.watcher !== watcher || this.state !== 'starting') return;
      this.state = 'watching';
      // Watching again after a failure: back to the configured rescans (none, or fewer than the fallback's).
      if (this.rescanEveryMs !== this.settings.rescanIntervalMs) {
        this.setRescanInterval(this.settings.rescanIntervalMs);
      }
    });
  }

  private async checkRoot(): Promise<void> {
    const there = await isFolder(this.root);
    if (this.closed || there !== this.rootMissing) return;
    if (!there) {
      if (this.state === 'failed') {
        this.rootMissing = true;
        return;
      }
      await this.watcher?.close();
      this.watcherFailed(Object.assign(new Error('the photo folder was removed'), { code: ROOT_GONE }));
    } else {
      // Back (a disk plugged in again): a good rescan starts the watcher again. Only then: a watcher that failed
      // for want of inotify watches would fail again, and is retried at the rescan interval instead.
      this.rootMissing = false;
      if (this.state === 'failed') this.queueRescan();
    }
  }

  private watcherFailed(error: Error): void {
    if (this.closed) return;
    if ((error as NodeJS.ErrnoException).code === ROOT_GONE) this.rootMissing = true;
    this.state = 'failed';
    this.reason = this.deps.describe(error);
    this.deps.logger.error('watching the photo folder failed: following it by rescanning instead', {
      error,
      rescanMinutes: (this.rescanEveryMs || this.tuning.fallbackRescanMs) / 60_000,
    });
    if (this.rescanEveryMs === 0) this.setRescanInterval(this.tuning.fallbackRescanMs);
    // Events may have been lost before the failure showed.
    this.queueRescan();
  }

  private setRescanInterval(ms: number): void {
    clearInterval(this.rescanTimer);
    this.rescanEveryMs = ms;
    if (ms <= 0) return;
    this.rescanTimer = setInterval(() => this.queueRescan(), ms);
    this.rescanTimer.unref();
  }

  private queueRescan(): void {
    if (this.rescanQueued || this.closed) return;
    this.rescanQueued = true;
    void this.enqueue(async () => {
      this.rescanQueued = false;
      await this.rescan();
    });
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.tail = this.tail
      .then(async () => {
        if (!this.closed) await job();
      })
      .catch((error: unknown) => this.deps.logger.error('following the photo folder failed', { error }));
    return this.tail;
  }

  private async pass(changes: FolderChanges): Promise<void> {
    try {
      await this.deps.ingestChanges(changes);
      this.passes += 1;
      this.lastError = undefined;
    } catch (error) {
      this.lastError = this.deps.describe(error);
      this.deps.logger.error('ingesting folder changes failed: the next rescan picks them up', { error });
    }
  }

  private async rescan(): Promise<void> {
    try {
      await this.deps.rescan();
      this.rescans += 1;
      this.lastError = undefined;
    } catch (error) {
      this.lastError = this.deps.describe(error);
      this.deps.logger.error('rescanning the photo folder failed', { error });
      return;
    }
    if (this.state === 'failed' && this.settings.watch && !this.closed) {
      await this.watcher?.close();
      this.startWatcher();
    }
  }
}
