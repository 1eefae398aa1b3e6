import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { isAppError } from '../../common/errors';
import { displayErrors } from '../errors';
import type { OriginalStore } from './original-store';
import { storeErrors } from './store-errors';

export interface S3OriginalStoreOptions {
  /** The bucket `probe` asks about (HeadBucket); without it, the bucket of the last original read. */
  probeBucket?: string;
  /** How long `probe` waits for an answer before calling the store unreachable. */
  probeTimeoutMs?: number;
}

const DEFAULT_PROBE_TIMEOUT_MS = 2000;

/**
 * Originals in S3, named by `s3://bucket/key` URIs (the scale-out library source). The size comes from HeadObject,
 * so limits are checked before any byte is downloaded, and the read asks only for the first maxBytes + 1 bytes.
 * Every call carries the rendition's abort signal, so a hung socket is torn down at the deadline instead of holding
 * a render slot and a connection. Failures of the store itself (refused, reset, 5xx, aborted) become stable 503s;
 * only a missing object is the photo's fault (404).
 */
export class S3OriginalStore implements OriginalStore {
  private lastBucket: string | undefined;

  constructor(
    private readonly client: S3Client,
    private readonly options: S3OriginalStoreOptions = {},
  ) {}

  async size(uri: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    const { bucket, key } = this.parse(uri);
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: bucket, Key: key }),
        abortable(options.signal),
      );
      return head.ContentLength ?? 0;
    } catch (error) {
      throw storeFailure(error, options.signal);
    }
  }

  async read(uri: string, options: { maxBytes: number; signal: AbortSignal }): Promise<Buffer> {
    const { bucket, key } = this.parse(uri);
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${options.maxBytes}` }),
        { abortSignal: options.signal },
      );
      const body = object.Body as Readable;
      for await (const chunk of body) {
        const buffer = chunk as Buffer;
        chunks.push(buffer);
        total += buffer.length;
        if (total > options.maxBytes) {
          body.destroy();
          throw displayErrors.sourceTooLarge(total, options.maxBytes);
        }
      }
    } catch (error) {
      throw storeFailure(error, options.signal);
    }
    return Buffer.concat(chunks, total);
  }

  /**
   * HeadBucket with a short deadline: any HTTP answer below 500 (even 403 or 404) proves the store is reachable;
   * no answer, a refused connection or a 5xx is ORIGINAL_STORE_UNAVAILABLE / ORIGINAL_STORE_TIMEOUT. Resolves at
   * once when no bucket is known yet (nothing has been read, so nothing depends on the store).
   */
  async probe(options: { signal?: AbortSignal } = {}): Promise<void> {
    const bucket = this.options.probeBucket ?? this.lastBucket;
    if (bucket === undefined) return;
    const timeoutMs = this.options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: signal });
    } catch (error) {
      const status = httpStatusOf(error);
      if (status !== undefined && status < 500) return;
      if (signal.aborted) throw storeErrors.deadlinePassed('reading-original', timeoutMs);
      throw storeErrors.unavailable(error);
    }
  }

  private parse(uri: string): { bucket: string; key: string } {
    const parsed = parseS3Uri(uri);
    this.lastBucket = parsed.bucket;
    return parsed;
  }
}

function abortable(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}

/**
 * What a failed call means for the client: our own stable errors pass through; a missing object is 404; a call
 * cut off by the rendition deadline carries the deadline's error; anything else is the store failing.
 */
function storeFailure(error: unknown, signal: AbortSignal | undefined): unknown {
  if (isAppError(error)) return error;
  if (isMissing(error)) return displayErrors.originalNotFound(error);
  if (signal?.aborted) return isAppError(signal.reason) ? signal.reason : storeErrors.unavailable(error);
  return storeErrors.unavailable(error);
}

function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match?.[1] || !match[2])
    throw displayErrors.originalNotFound(new Error(`not an s3://bucket/key URI: ${uri}`));
  return { bucket: match[1], key: match[2] };
}

function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'NotFound' || name === 'NoSuchKey' || httpStatusOf(error) === 404;
}
