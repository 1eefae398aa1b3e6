/**
 * At most `maxConcurrent` renders at once; the rest wait in arrival order. Each render already uses libvips
 * threads, so running more than the machine has cores only adds memory (decoded images) and latency, not
 * throughput; cached renditions are served without waiting here. A waiter whose `signal` aborts (its rendition's
 * deadline passed) leaves the queue at once with the signal's reason, so a stuck render cannot hold requests for
 * longer than their deadline.
 */
export class RenderLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * @param onActiveChange told the number of renders running whenever it changes, before a new render starts:
   *   how the display gives a render that runs alone more libvips threads (see sharp-settings.ts).
   */
  constructor(
    private readonly maxConcurrent: number,
    private readonly onActiveChange?: (active: number) => void,
  ) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new Error(`maxConcurrentRenders must be a positive integer (got ${maxConcurrent})`);
    }
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.running >= this.maxConcurrent) {
      await this.waitForSlot(signal);
    } else {
      this.running++;
      this.onActiveChange?.(this.running);
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
      if (next) next();
      else {
        this.running--;
        this.onActiveChange?.(this.running);
      }
    }
  }

  /** Resolves when a finishing task hands over its slot; rejects (and gives up its place) if `signal` aborts first. */
  private waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiting.indexOf(granted);
        if (index >= 0) this.waiting.splice(index, 1);
        const reason: unknown = signal?.reason;
        reject(reason instanceof Error ? reason : new Error('render slot wait aborted', { cause: reason }));
      };
      const granted = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.push(granted);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Requests waiting for a slot (for tests and metrics). */
  get queued(): number {
    return this.waiting.length;
  }

  get active(): number {
    return this.running;
  }
}
