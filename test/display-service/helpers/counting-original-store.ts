import { LocalFileOriginalStore } from '../../../display-service/renditions/local-file-original-store';
import type { OriginalStore } from '../../../display-service/renditions/original-store';

/** Real local-file reads, counted, so tests can tell a cache hit from a render without timing anything. */
export class CountingOriginalStore implements OriginalStore {
  reads = 0;
  private readonly inner = new LocalFileOriginalStore();

  size(uri: string): Promise<number> {
    return this.inner.size(uri);
  }

  read(uri: string, options: { maxBytes: number; signal: AbortSignal }): Promise<Buffer> {
    this.reads++;
    return this.inner.read(uri, options);
  }
}

/** An original store whose reads never finish until aborted: a stuck network share or S3 stall. */
export class StalledOriginalStore implements OriginalStore {
  size(): Promise<number> {
    return Promise.resolve(1000);
  }

  read(_uri: string, options: { signal: AbortSignal }): Promise<Buffer> {
    return new Promise((_resolve, reject) => {
      options.signal.addEventListener('abort', () => reject(new Error('read aborted')), { once: true });
    });
  }
}
