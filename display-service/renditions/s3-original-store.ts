import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { displayErrors } from '../errors';
import type { OriginalStore } from './original-store';

/**
 * Originals in S3, named by `s3://bucket/key` URIs (the scale-out library source). The size comes from HeadObject,
 * so limits are checked before any byte is downloaded, and the read asks only for the first maxBytes + 1 bytes.
 */
export class S3OriginalStore implements OriginalStore {
  constructor(private readonly client: S3Client) {}

  async size(uri: string): Promise<number> {
    const { bucket, key } = parseS3Uri(uri);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      throw isMissing(error) ? displayErrors.originalNotFound(error) : error;
    }
  }

  async read(uri: string, options: { maxBytes: number; signal: AbortSignal }): Promise<Buffer> {
    const { bucket, key } = parseS3Uri(uri);
    let body: Readable;
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${options.maxBytes}` }),
        { abortSignal: options.signal },
      );
      body = object.Body as Readable;
    } catch (error) {
      throw isMissing(error) ? displayErrors.originalNotFound(error) : error;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of body) {
      const buffer = chunk as Buffer;
      chunks.push(buffer);
      total += buffer.length;
      if (total > options.maxBytes) {
        body.destroy();
        throw displayErrors.sourceTooLarge(total, options.maxBytes);
      }
    }
    return Buffer.concat(chunks, total);
  }
}

function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match?.[1] || !match[2])
    throw displayErrors.originalNotFound(new Error(`not an s3://bucket/key URI: ${uri}`));
  return { bucket: match[1], key: match[2] };
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | null;
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}
