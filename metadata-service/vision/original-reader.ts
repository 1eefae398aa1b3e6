import { fileURLToPath } from 'node:url';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DEFAULT_S3_SETTINGS, type S3Settings } from '../config';
import { MAX_FILE_BYTES } from '../ingest/skip-reasons';
import { createS3Client } from '../ingest/source-for';
import type { OriginalInput } from './vision-pixels';
import { VisionSkip } from './vision-types';

/** Reads an original by its stored URI for vision and face crops: a local path as is, an S3 object's bytes. */
export interface OriginalReader {
  read(uri: string): Promise<OriginalInput>;
  close(): void;
}

export function createOriginalReader(s3Settings: S3Settings | undefined): OriginalReader {
  let client: S3Client | undefined;
  return {
    async read(uri) {
      if (uri.startsWith('file://')) return { path: fileURLToPath(uri) };
      const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
      if (!match) throw new VisionSkip(`cannot read ${uri}`);
      client ??= createS3Client(s3Settings ?? DEFAULT_S3_SETTINGS);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: match[1], Key: match[2] }));
        if ((object.ContentLength ?? 0) > MAX_FILE_BYTES) throw new VisionSkip(`${uri} is too large`);
        const bytes = await object.Body?.transformToByteArray();
        if (!bytes) throw new VisionSkip(`${uri} has no body`);
        return { bytes };
      } catch (error) {
        if (error instanceof VisionSkip) throw error;
        if ((error as { name?: string }).name === 'NoSuchKey')
          throw new VisionSkip(`${uri} is gone`, { cause: error });
        throw error;
      }
    },
    close() {
      client?.destroy();
      client = undefined;
    },
  };
}
