import { displayErrors } from '../errors';

/**
 * Where originals come from. One adapter per URI scheme (`file://` today, `s3://` later); the pipeline only ever
 * sees this interface, so a new back-end is one class plus one line in the scheme table.
 */
export interface OriginalStore {
  /** Size in bytes, learned without reading the content so limits are checked before any download. */
  size(uri: string, options?: { signal?: AbortSignal }): Promise<number>;
  /** The whole original, refusing (SOURCE_TOO_LARGE) to read more than `maxBytes` even if it grew since `size`. */
  read(uri: string, options: { maxBytes: number; signal: AbortSignal }): Promise<Buffer>;
  /**
   * A path on this machine libvips may open itself, for stores whose originals are local files: the decoder then
   * streams the file instead of the pipeline reading it into memory first (~3-5 ms of CPU and the original's size
   * in memory per cold render). None for remote stores.
   */
  localFile?(uri: string): string | undefined;
  /**
   * A cheap check that the store answers at all, for a readiness probe: resolves when it does, rejects with a
   * stable-coded error (ORIGINAL_STORE_UNAVAILABLE / ORIGINAL_STORE_TIMEOUT) when it does not. Stores that cannot
   * fail independently of the process (local files) need not have one.
   */
  probe?(options?: { signal?: AbortSignal }): Promise<void>;
}

/** Picks the adapter for a URI's scheme; unknown schemes fail clearly instead of guessing. */
export class SchemeRoutingOriginalStore implements OriginalStore {
  constructor(private readonly storesByScheme: Readonly<Record<string, OriginalStore>>) {}

  size(uri: string, options?: { signal?: AbortSignal }): Promise<number> {
    return this.storeFor(uri).size(uri, options);
  }

  read(uri: string, options: { maxBytes: number; signal: AbortSignal }): Promise<Buffer> {
    return this.storeFor(uri).read(uri, options);
  }

  localFile(uri: string): string | undefined {
    return this.storeFor(uri).localFile?.(uri);
  }

  /** Every store that can be probed, at once; the first failure is the answer. */
  async probe(options?: { signal?: AbortSignal }): Promise<void> {
    await Promise.all(
      Object.values(this.storesByScheme).map((store) => store.probe?.(options) ?? Promise.resolve()),
    );
  }

  private storeFor(uri: string): OriginalStore {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase() ?? '';
    const store = this.storesByScheme[`${scheme}:`];
    if (!store) throw displayErrors.sourceSchemeUnsupported(`${scheme}:`);
    return store;
  }
}
