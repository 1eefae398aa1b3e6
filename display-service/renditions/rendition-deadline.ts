import { storeErrors, type DeadlinePhase } from './store-errors';

/**
 * One deadline per rendition, started when the rendition is asked for, so time spent waiting for a render slot
 * counts against it (a render timeout that starts only when rendering starts let a hung store queue requests for
 * minutes). When it passes, `signal` aborts with an error naming the phase the rendition was in, and `expired`
 * rejects with the same error, so a caller racing against it answers on time even if the work ignores the signal.
 */
export class RenditionDeadline {
  /** Updated by whoever holds the rendition, so the error says what was slow. */
  phase: DeadlinePhase = 'queued';
  readonly expired: Promise<never>;
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly deadlineMs: number) {
    this.expired = new Promise<never>((_resolve, reject) => {
      this.timer = setTimeout(() => {
        const error = storeErrors.deadlinePassed(this.phase, deadlineMs);
        this.controller.abort(error);
        reject(error);
      }, deadlineMs);
    });
    // Nobody may be racing when it fires (the work already failed); that is not an unhandled rejection.
    this.expired.catch(() => undefined);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** `work`, or the deadline's error if that comes first. */
  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.expired]);
  }

  /** Stops the timer once the rendition is answered; a cleared deadline never fires. */
  clear(): void {
    clearTimeout(this.timer);
  }
}
