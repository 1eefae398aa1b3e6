import { NetworkError, httpErrorOf } from './frame-client';

/** A rendition that will never load (bad original, refused URL): skip its photo. */
export class BrokenRenditionError extends Error {}
/** A signed URL past its expiry: load its page again for fresh URLs. */
export class ExpiredRenditionError extends Error {}

const CACHE_NAME = 'photoframe-renditions-v1';
const FETCH_TIMEOUT_MS = 20_000;
/**
 * A confirmation is a 304 the display answers without touching pixels. A network that drops packets instead of
 * refusing them would otherwise hold a stored photo back for the whole fetch timeout on every slide; past this the
 * frame is offline and shows the stored copy (the player's offline path).
 */
const CONFIRM_TIMEOUT_MS = 3_000;

export interface RenditionStoreOptions {
  accept: string;
  /** Renditions kept in memory (the ones about to be shown and a few just shown). */
  memoryEntries: number;
  /** Renditions kept in the Cache API across reloads; 0 turns it off. */
  persistentEntries: number;
}

/**
 * Upcoming renditions, fetched ahead and kept in two bounded layers: Blobs in memory (always available) and the
 * Cache API (only in secure contexts: https or localhost; a frame on plain http in a LAN keeps the memory layer).
 * Keys leave out the URL's expiry and signature, so a fresh URL for the same image finds the stored copy. While
 * the server is unreachable, `cached` answers without the network, which is what keeps a frame showing photos.
 */
/** A stored rendition, with the display's ETag for asking whether it still stands (If-None-Match). */
interface Stored {
  blob: Blob;
  etag?: string;
}

export class RenditionStore {
  private readonly memory = new Map<string, Stored>();
  private readonly inFlight = new Map<string, Promise<Blob>>();
  private persistent: Promise<Cache | null>;
  private readonly persistentKeys: string[] = [];

  constructor(private readonly options: RenditionStoreOptions) {
    this.persistent =
      options.persistentEntries > 0 && typeof caches !== 'undefined' && window.isSecureContext
        ? caches.open(CACHE_NAME).catch(() => null)
        : Promise.resolve(null);
    void this.persistent.then(async (cache) => {
      if (!cache) return;
      // Oldest first (Cache API keys come back in insertion order): what an earlier run left counts against the bound.
      for (const request of await cache.keys()) this.persistentKeys.push(request.url);
      await this.trimPersistent(cache);
    });
  }

  /**
   * The rendition, from memory, the Cache API or the network (in that order). With `confirm`, a stored copy is
   * shown only once the display says it still stands (a conditional request: 304, no bytes): a photo its owner
   * hid since, or whose URL the display now refuses, is forgotten here and refused (BrokenRenditionError), instead
   * of being shown from the store for as long as the frame keeps it. Unreachable, the display cannot say:
   * NetworkError, and the player carries on from the store offline (cached).
   */
  async get(url: string, options: { confirm?: boolean } = {}): Promise<Blob> {
    const key = this.keyOf(url);
    const known = await this.stored(key);
    if (known && !options.confirm) return known.blob;
    const pendingKey = known ? `confirm ${key}` : key;
    let pending = this.inFlight.get(pendingKey);
    if (!pending) {
      pending = (known ? this.confirm(url, key, known) : this.download(url, key)).finally(() =>
        this.inFlight.delete(pendingKey),
      );
      this.inFlight.set(pendingKey, pending);
    }
    return pending;
  }

  /** Only what is already stored; never touches the network. */
  async cached(url: string): Promise<Blob | undefined> {
    return (await this.stored(this.keyOf(url)))?.blob;
  }

  /** The stored copy, from memory or else the Cache API (then kept in memory again). */
  private async stored(key: string): Promise<Stored | undefined> {
    const inMemory = this.memory.get(key);
    if (inMemory) {
      this.touch(key, inMemory);
      return inMemory;
    }
    const cache = await this.persistent;
    const response = await cache?.match(key).catch(() => undefined);
    if (!response) return undefined;
    const blob = await response.blob().catch(() => undefined);
    if (!blob || blob.size === 0) return undefined;
    const stored = { blob, etag: response.headers.get('ETag') ?? undefined };
    this.remember(key, stored);
    return stored;
  }

  /** True when `get` would answer without the network. */
  has(url: string): boolean {
    const key = this.keyOf(url);
    return this.memory.has(key) || this.persistentKeys.includes(key);
  }

  /** A rendition that turned out not to decode: never hand it out again. */
  async forget(url: string): Promise<void> {
    const key = this.keyOf(url);
    this.memory.delete(key);
    const at = this.persistentKeys.indexOf(key);
    if (at >= 0) this.persistentKeys.splice(at, 1);
    await (await this.persistent)?.delete(key).catch(() => false);
  }

  /** Asks the display whether a stored copy still stands; the new bytes when it changed. */
  private async confirm(url: string, key: string, known: Stored): Promise<Blob> {
    try {
      const response = await this.fetchRendition(url, { etag: known.etag, confirming: true });
      if (response.status === 304) return known.blob;
      return await this.keep(key, response);
    } catch (error) {
      // Refused now (hidden, deleted, broken): never shown from the store again, offline included.
      if (error instanceof BrokenRenditionError) await this.forget(url);
      throw error;
    }
  }

  private async download(url: string, key: string): Promise<Blob> {
    return this.keep(key, await this.fetchRendition(url, { confirming: false }));
  }

  /**
   * The display's answer: 200, or 304 when `etag` still stands; its refusals as the errors the player handles.
   * Confirming never takes the browser's own HTTP cache for an answer: only the display can say a photo is hidden.
   */
  private async fetchRendition(
    url: string,
    { etag, confirming }: { etag?: string; confirming: boolean },
  ): Promise<Response> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), confirming ? CONFIRM_TIMEOUT_MS : FETCH_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Accept: this.options.accept, ...(etag === undefined ? {} : { 'If-None-Match': etag }) },
        cache: confirming ? 'no-cache' : 'default',
        signal: abort.signal,
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 304 && etag !== undefined) return response;
    if (!response.ok) {
      const error = httpErrorOf(response.status, await response.text().catch(() => ''));
      if (error.code === 'RENDITION_URL_EXPIRED') throw new ExpiredRenditionError(error.message);
      if (error.transient) throw new NetworkError(error.message);
      throw new BrokenRenditionError(`${error.code}: ${error.message}`);
    }
    return response;
  }

  /** A 200's image, remembered in both layers with its ETag. */
  private async keep(key: string, response: Response): Promise<Blob> {
    const etag = response.headers.get('ETag') ?? undefined;
    let blob: Blob;
    try {
      blob = await response.blob();
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    if (blob.size === 0 || !blob.type.startsWith('image/')) throw new BrokenRenditionError('not an image');
    const stored = { blob, etag };
    this.remember(key, stored);
    await this.persist(key, stored);
    return blob;
  }

  private remember(key: string, stored: Stored): void {
    this.touch(key, stored);
    while (this.memory.size > this.options.memoryEntries) {
      const oldest = this.memory.keys().next().value;
      if (oldest === undefined) break;
      this.memory.delete(oldest);
    }
  }

  /** Most recently used last, so the oldest is dropped first. */
  private touch(key: string, stored: Stored): void {
    this.memory.delete(key);
    this.memory.set(key, stored);
  }

  private async persist(key: string, { blob, etag }: Stored): Promise<void> {
    const cache = await this.persistent;
    if (!cache) return;
    try {
      const headers: Record<string, string> = { 'Content-Type': blob.type };
      if (etag !== undefined) headers.ETag = etag;
      await cache.put(key, new Response(blob, { headers }));
      if (!this.persistentKeys.includes(key)) this.persistentKeys.push(key);
      await this.trimPersistent(cache);
    } catch {
      // Storage full or unavailable: memory still has it.
    }
  }

  private async trimPersistent(cache: Cache): Promise<void> {
    while (this.persistentKeys.length > this.options.persistentEntries) {
      const oldest = this.persistentKeys.shift();
      if (oldest !== undefined) await cache.delete(oldest).catch(() => false);
    }
  }

  /** The URL without `exp` and `sig`, plus the format asked for: the same image under any fresh signature. */
  private keyOf(url: string): string {
    const parsed = new URL(url, window.location.href);
    parsed.searchParams.delete('exp');
    parsed.searchParams.delete('sig');
    parsed.searchParams.set('accept', this.options.accept);
    parsed.searchParams.sort();
    return parsed.toString();
  }
}
