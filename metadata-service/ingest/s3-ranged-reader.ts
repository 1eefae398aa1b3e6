import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { RandomAccess } from './readers/iso-bmff';

/**
 * Bytes fetched per GET beyond what a read asks for: a Live Photo MOV's top-level box headers (ftyp, wide, mdat)
 * come with the first GET, its moov (tens of KB, after the mdat) with the second.
 */
const WINDOW_BYTES = 64 * 1024;

export interface S3ObjectRef {
  client: S3Client;
  bucket: string;
  key: string;
  /** As listed: reads stop there. */
  size: number;
}

/** A GET of an object failed (S3 said no, the network did): not a fact about the object's content. */
export class ObjectReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ObjectReadError';
  }
}

/**
 * Positioned reads of an S3 object through ranged GETs of at least WINDOW_BYTES, the last window kept: the video
 * header reader (readers/read-video.ts) walks box headers and reads the moov without downloading the mdat.
 */
export function rangedReader(object: S3ObjectRef): RandomAccess {
  let window: { start: number; data: Buffer } = { start: 0, data: Buffer.alloc(0) };
  return {
    async read(buffer, offset, length, position) {
      const end = Math.min(position + length, object.size);
      if (position >= end) return { bytesRead: 0 };
      if (position < window.start || end > window.start + window.data.length) {
        const windowEnd = Math.min(object.size, position + Math.max(length, WINDOW_BYTES));
        window = { start: position, data: await getRange(object, position, windowEnd) };
      }
      const from = position - window.start;
      return { bytesRead: window.data.copy(buffer, offset, from, from + (end - position)) };
    },
  };
}

/** Bytes [start, end) of the object; a server that ignores Range and sends more is refused, not read. */
export async function getRange(object: S3ObjectRef, start: number, end: number): Promise<Buffer> {
  let response;
  try {
    response = await object.client.send(
      new GetObjectCommand({ Bucket: object.bucket, Key: object.key, Range: `bytes=${start}-${end - 1}` }),
    );
  } catch (cause) {
    throw new ObjectReadError(`GET ${object.key} failed: ${(cause as Error).message}`, { cause });
  }
  if ((response.ContentLength ?? 0) > end - start) {
    (response.Body as Readable | undefined)?.destroy();
    throw new ObjectReadError(
      `GET ${object.key} sent ${response.ContentLength} bytes for a range of ${end - start}`,
    );
  }
  return Buffer.from((await response.Body?.transformToByteArray()) ?? new Uint8Array());
}
