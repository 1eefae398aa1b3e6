import type { NewPhoto, PhotoRepository } from '../repositories/photo-repository';

/** Photos per transaction at most: a crash loses at most this many, and a rerun reads them again. */
export const DEFAULT_WRITE_BATCH = 64;

/**
 * Group commit for one ingest run: photos handed over while a transaction is being written wait and go together
 * in the next one, so the commit and transaction overhead is paid per batch, not per photo (a commit per photo
 * held ingest near 300 photos/s, issue #16). Nothing waits on a timer: a lone photo is written at once; batches
 * grow only when photos arrive faster than they are written. Each photo's promise says whether it was stored
 * (false: its bytes already were); a failed transaction rejects every photo of its batch.
 */
export class PhotoBatchWriter {
  private queue: { item: NewPhoto; resolve: (stored: boolean) => void; reject: (error: unknown) => void }[] =
    [];
  private writing = false;

  constructor(
    private readonly repository: Pick<PhotoRepository, 'insertPhotos'>,
    private readonly maxBatch = DEFAULT_WRITE_BATCH,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1)
      throw new RangeError('maxBatch must be a positive integer');
  }

  /** Resolves once the photo's transaction has committed. */
  insert(item: NewPhoto): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Photos read in the same turn of the event loop join the same batch.
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.slice(batch.length);
      try {
        const stored = await this.repository.insertPhotos(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(stored[i] === true));
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.writing = false;
  }
}
