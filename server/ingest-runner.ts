import type { Logger } from '../common/logger';
import type { IngestReport } from '../metadata-service/library';
import type { IngestStatus } from './ingest-status';

/**
 * Waits between attempts after a failed ingest: soon at first (a full disk is often freed within minutes), then
 * rarely, so a fault nobody repairs costs one folder walk every quarter of an hour, not a busy loop.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000, 900_000];

export interface IngestRunnerOptions {
  /** One pass over PHOTOS_DIR (resumable: photos already indexed are skipped cheaply). */
  ingest: () => Promise<IngestReport>;
  status: IngestStatus;
  /** PHOTOS_DIR, so /healthz reasons name it rather than an absolute path. */
  root: string;
  logger: Logger;
  retryDelaysMs?: readonly number[];
}

/**
 * Runs the ingest of a real library and keeps at it: a pass that fails (a full or read-only disk, a database that
 * is down) leaves the status 'failed' with its reason and is tried again after a backoff, so repairing the fault is
 * enough, no restart needed. `rescan()` runs a pass now (SIGHUP, the operator's "look again"); a request for a pass
 * while one runs is remembered and run right after it, never in parallel.
 */
export class IngestRunner {
  private running: Promise<void> | undefined;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: IngestRunnerOptions) {}

  /** Resolves when the pass it started (or the one running) is over, failed or not. */
  rescan(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearRetry();
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again && !this.closed) {
        this.again = false;
        void this.rescan();
      }
    });
    return this.running;
  }

  /** Stops retrying and waits for a pass in flight. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearRetry();
    await this.running;
  }

  private async pass(): Promise<void> {
    const { status, root, logger } = this.options;
    try {
      const report = await status.track(this.options.ingest(), root);
      this.failures = 0;
      logger.info('ingest finished', { photosDir: root, ...summarize(report) });
    } catch (error) {
      const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
      const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 60_000;
      this.failures += 1;
      logger.error('ingest failed; it will be tried again', {
        photosDir: root,
        attempt: this.failures,
        retryInMs: delay,
        error,
      });
      if (!this.closed) {
        status.retryAt(new Date(Date.now() + delay), this.failures);
        this.retryTimer = setTimeout(() => void this.rescan(), delay);
        this.retryTimer.unref();
      }
    }
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}

function summarize(report: IngestReport): Record<string, number> {
  return {
    scanned: report.scanned,
    added: report.added,
    updated: report.updated,
    unchanged: report.unchanged,
    removed: report.removed,
    skipped: report.skipped.length,
  };
}
