/**
 * At most `maxConcurrent` renders at once; the rest wait in arrival order. Each render already uses libvips
 * threads, so running more than the machine has cores only adds memory (decoded images) and latency, not
 * throughput; cached renditions are served without waiting here.
 */
export class RenderLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxConcurrent: number) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new Error(`maxConcurrentRenders must be a positive integer (got ${maxConcurrent})`);
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxConcurrent) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
      if (next) next();
      else this.running--;
    }
  }

  get active(): number {
    return this.running;
  }
}
