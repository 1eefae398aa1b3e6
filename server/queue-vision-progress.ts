import type { QueueCounts } from '../metadata-service/jobs/job-queue';
import type { VisionProgressSnapshot } from '../metadata-service/vision/vision-progress';

/** /healthz's `vision` block in the embedded stack: the progress snapshot plus the owner's jobs in the queue. */
export interface QueueVisionSnapshot extends VisionProgressSnapshot {
  /**
   * The local owner's vision jobs still in the queue (done jobs leave it); null when the queue did not answer;
   * absent when vision is off.
   */
  jobs?: QueueCounts | null;
}

/**
 * Vision progress read from the job queue (what is left: queued, active, waiting for a retry, dead) and from this
 * process's finished vision jobs (what was done), in the shape /healthz has always had: done/total count the
 * photos since vision was last idle, `photosPerSecond` their rate. Dead letters make the state 'failed' until they
 * are sent back (`npm run worker -- --retry-dead vision`) or their photos are gone.
 */
export class QueueVisionProgress {
  private done = 0;
  private startedAt: number | undefined;
  private lastDoneAt: number | undefined;
  private idle = true;
  private last: QueueCounts | null = null;

  constructor(
    private readonly enabled: boolean,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** A vision job started in this process: after an idle spell, the counts start afresh. */
  jobStarted(): void {
    if (!this.idle) return;
    this.idle = false;
    this.done = 0;
    this.startedAt = this.now();
    this.lastDoneAt = undefined;
  }

  /** A vision job of this process finished its photo (analysed, skipped, or found nothing left to do). */
  jobDone(): void {
    this.done += 1;
    this.lastDoneAt = this.now();
  }

  /** `counts`: the owner's vision jobs now, or undefined when the queue did not answer (the last ones are shown). */
  snapshot(counts: QueueCounts | undefined): QueueVisionSnapshot {
    if (counts !== undefined) this.last = counts;
    const jobs = counts ?? this.last;
    if (!this.enabled) return { state: 'off', done: 0, total: 0, photosPerSecond: null };
    const left = jobs ? jobs.queued + jobs.active + jobs.failed : 0;
    const dead = jobs?.dead ?? 0;
    if (left === 0 && jobs !== null) this.idle = true;
    if (this.startedAt === undefined && left === 0 && dead === 0) {
      return { state: 'idle', done: 0, total: 0, photosPerSecond: null, jobs };
    }
    const total = this.done + left;
    const seconds =
      ((left > 0 ? this.now() : (this.lastDoneAt ?? this.now())) - (this.startedAt ?? 0)) / 1000;
    const photosPerSecond =
      this.done > 0 && this.startedAt !== undefined && seconds > 0
        ? Math.round((this.done / seconds) * 100) / 100
        : null;
    if (left > 0) return { state: 'running', done: this.done, total, photosPerSecond, jobs };
    if (dead > 0) {
      return {
        state: 'failed',
        done: this.done,
        total,
        photosPerSecond,
        reason: `${dead} photo(s) in the vision dead letters: npm run worker -- --retry-dead vision`,
        jobs,
      };
    }
    return { state: 'done', done: this.done, total, photosPerSecond, jobs };
  }
}
