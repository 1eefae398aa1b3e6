import type { Logger } from '../../common/logger';
import type { RenditionTarget } from '../renditions/rendition-url';

export type PrepareRendition = (target: RenditionTarget) => Promise<void>;

/**
 * Renders upcoming renditions in the background, one at a time so a new slideshow never starves requests the
 * device is already waiting for. Failures are logged and skipped; close() drops the queue and waits for the one
 * render in progress.
 */
export class Prerenderer {
  private readonly queue: RenditionTarget[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly prepare: PrepareRendition,
    private readonly logger: Logger,
  ) {}

  enqueue(targets: readonly RenditionTarget[]): void {
    if (this.closed) return;
    this.queue.push(...targets);
    this.kick();
  }

  /** Resolves once the queue is empty (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await this.idle();
  }

  private kick(): void {
    if (this.draining || this.closed || this.queue.length === 0) return;
    // Re-kick when done: targets enqueued while the last drain was finishing must not be stranded.
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.kick();
    });
  }

  private async drain(): Promise<void> {
    for (let target = this.queue.shift(); target; target = this.queue.shift()) {
      try {
        await this.prepare(target);
      } catch (error) {
        this.logger.warn('pre-render failed', { photoId: target.photoId, error });
      }
    }
  }
}
