import { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../config';
import { createFolderSource } from './folder-source';
import type { PhotoSource } from './photo-source';
import { createS3Source, parseS3Uri, type S3PhotoSource } from './s3-source';

export function isS3Location(location: string): boolean {
  return location.startsWith('s3://');
}

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
  });
}

export interface OpenedSource {
  source: PhotoSource;
  /** Releases the S3 client's sockets; a no-op for folders. */
  close(): void;
}

/** `s3://bucket/prefix` → the S3 source (client from settings); anything else is a local folder. */
export function sourceFor(location: string, s3Settings: S3Settings): OpenedSource {
  if (!isS3Location(location)) return { source: createFolderSource(location), close: () => undefined };
  parseS3Uri(location); // a typo fails here, before a client is made
  const client = createS3Client(s3Settings);
  const source: S3PhotoSource = createS3Source(location, client);
  return { source, close: () => client.destroy() };
}
