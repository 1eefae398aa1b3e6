import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, type _Object, type S3Client } from '@aws-sdk/client-s3';
import { badRequest } from '../../common/errors';
import { createLogger, type Logger } from '../../common/logger';
import { isOriginalName } from './folder-source';
import { livePhotoStem, MOTION_NAME, pairLivePhotos, STILL_NAME } from './live-photos/pair-live-photos';
import { readMotionPart } from './live-photos/read-motion-part';
import type { PhotoMetadata } from './photo-metadata';
import type { AddressableSource, SourceFile } from './photo-source';
import { readPhotoMetadata } from './readers/read-photo-metadata';
import { s3PairingReads } from './s3-pairing-reads';
import { parseTakeoutAlbum, takeoutSidecarNames, TAKEOUT_ALBUM_FILE_NAMES } from './sidecars/takeout';
import { IngestSkip, MAX_FILE_BYTES } from './skip-reasons';

/** Sidecars are small; anything bigger is not one. */
const MAX_SIDECAR_BYTES = 1024 * 1024;

export interface S3Location {
  bucket: string;
  /** Without leading or trailing '/'; '' for the whole bucket. */
  prefix: string;
}

/** An S3 source also maps notification keys back to its own paths. */
export interface S3PhotoSource extends AddressableSource {
  readonly bucket: string;
  /** The source path for a key in this bucket; undefined when the key is outside the prefix or not media. */
  pathForKey(key: string): string | undefined;
  /**
   * The other stills and videos with this path's base name in its folder (IMG_1.MOV → IMG_1.HEIC): the half of a
   * Live Photo an event for `path` changes. Found by key prefix, so only names that match in case.
   */
  livePhotoSiblings(path: string): Promise<string[]>;
}

export interface S3SourceOptions {
  /** Keys per ListObjectsV2 page (S3 caps it at 1000). */
  pageSize?: number;
  /** Where object bodies are written for the metadata readers; the OS temp folder by default. */
  tempDir?: string;
  /** Where ignored sidecars are reported. */
  logger?: Logger;
}

/** `s3://bucket/some/prefix/` → { bucket, prefix: 'some/prefix' }; a clear 400 for anything else. */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  const bucket = match?.[1];
  // Bucket naming rules (lower case, digits, dots, hyphens; 3-63) keep typos like `s3://My Bucket` out early.
  if (!match || bucket === undefined || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw badRequest('SOURCE_NOT_S3_URI', `${uri} is not an s3://bucket/prefix location`);
  }
  return { bucket, prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/**
 * Originals in an S3 bucket under a prefix. Paths are keys relative to the prefix. Content hashes come from the
 * streamed bytes (an ETag is not a content hash for multipart uploads), and metadata is read from a temporary
 * copy that is always deleted. Size limits are checked from the listing before anything is downloaded.
 */
export function createS3Source(uri: string, client: S3Client, options: S3SourceOptions = {}): S3PhotoSource {
  const { bucket, prefix } = parseS3Uri(uri);
  const keyPrefix = prefix === '' ? '' : `${prefix}/`;
  const root = `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}`;
  const keyFor = (path: string): string => `${keyPrefix}${path}`;
  const pathFor = (key: string): string | undefined => {
    if (!key.startsWith(keyPrefix)) return undefined;
    const path = key.slice(keyPrefix.length);
    if (path === '' || path.endsWith('/') || !isOriginalName(path.slice(path.lastIndexOf('/') + 1))) {
      return undefined;
    }
    // Dot-folders and dotfiles (.Trash/, ._IMG_1.JPG resource forks) are not photos.
    if (path.split('/').some((part) => part === '' || part.startsWith('.'))) return undefined;
    return path;
  };

  const body = async (file: SourceFile): Promise<Readable> => {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyFor(file.path) }));
      if (!object.Body) throw new IngestSkip('UNREADABLE_FILE', 'object has no body');
      return object.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw new IngestSkip('UNREADABLE_FILE', 'object vanished while ingesting');
      throw error;
    }
  };

  const logger = options.logger ?? createLogger('silent');
  const tempDir = options.tempDir ?? tmpdir();

  /** Every object whose key starts with `listPrefix`, page by page; S3's errors are thrown as they are. */
  const listObjects = async (listPrefix: string): Promise<_Object[]> => {
    const objects: _Object[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: listPrefix,
          MaxKeys: options.pageSize ?? 1000,
          ContinuationToken: continuationToken,
        }),
      );
      objects.push(...(page.Contents ?? []));
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken !== undefined);
    return objects;
  };

  /** Listed originals with the ETag + LastModified that says whether a pair's cached facts still hold. */
  const listedFiles = (
    objects: readonly _Object[],
  ): { files: SourceFile[]; versions: Map<string, string> } => {
    const files: SourceFile[] = [];
    const versions = new Map<string, string>();
    for (const object of objects) {
      const path = object.Key === undefined ? undefined : pathFor(object.Key);
      if (path === undefined) continue;
      files.push({ path, bytes: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) });
      if (object.ETag !== undefined)
        versions.set(path, `${object.ETag}@${object.LastModified?.getTime() ?? ''}`);
    }
    return { files, versions };
  };

  /** Live Photo pairs folded as a folder folds them (pair-live-photos.ts), reading the bucket. */
  const paired = (
    files: readonly SourceFile[],
    versions: ReadonlyMap<string, string>,
  ): Promise<SourceFile[]> =>
    pairLivePhotos(files, {
      reads: s3PairingReads({ client, bucket, keyFor, versionOf: (path) => versions.get(path), tempDir }),
      logger,
    });

  /**
   * The originals with `path`'s base name in its folder, `path` included if it exists. S3 prefixes are
   * case-sensitive: IMG_1.HEIC finds IMG_1.MOV but not img_1.mov, which only a full listing pairs with it.
   */
  const sameStem = async (path: string): Promise<{ files: SourceFile[]; versions: Map<string, string> }> => {
    const stem = path.replace(/\.[^./]+$/, '');
    const listed = listedFiles(await listObjects(`${keyFor(stem)}.`));
    const files = listed.files.filter((file) => livePhotoStem(file.path) === livePhotoStem(path));
    return { files, versions: listed.versions };
  };

  // Keys seen by the last listing: sidecar lookups during a run cost no request when there is no sidecar.
  let listedKeys: Set<string> | undefined;

  /** The parsed JSON at `key`; undefined when there is none, it is too big, or it is not JSON (logged). */
  const readJson = async (key: string): Promise<unknown> => {
    if (listedKeys && !listedKeys.has(key)) return undefined;
    let text: string;
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if ((object.ContentLength ?? 0) > MAX_SIDECAR_BYTES) {
        (object.Body as Readable | undefined)?.destroy();
        logger.warn('sidecar ignored', { key, reason: 'too large for a sidecar' });
        return undefined;
      }
      text = (await object.Body?.transformToString('utf8')) ?? '';
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      logger.warn('sidecar ignored', { key, reason: `not JSON: ${(error as Error).message}` });
      return undefined;
    }
  };
  const albumsByFolder = new Map<string, Promise<string[]>>();
  const folderAlbums = (folderKey: string): Promise<string[]> => {
    let albums = albumsByFolder.get(folderKey);
    if (!albums) {
      albums = (async () => {
        // The album file under each name Takeout gives it in the account's language, until one exists.
        for (const name of TAKEOUT_ALBUM_FILE_NAMES) {
          const json = await readJson(`${folderKey}${name}`);
          if (json === undefined) continue;
          const album = parseTakeoutAlbum(json);
          return album.ok ? [album.value] : [];
        }
        return [];
      })();
      albumsByFolder.set(folderKey, albums);
    }
    return albums;
  };
  const findSidecar = async (folderKey: string, fileName: string): Promise<unknown> => {
    for (const name of takeoutSidecarNames(fileName)) {
      const json = await readJson(`${folderKey}${name}`);
      if (json !== undefined) return json;
    }
    return undefined;
  };

  return {
    root,
    bucket,
    pathForKey: pathFor,
    uriFor: (path) => `s3://${bucket}/${keyFor(path)}`,

    // Live Photo pairs (IMG_1.HEIC + IMG_1.MOV) are one entry, the still carrying its video, as in a folder. Deciding
    // costs a few ranged GETs per new or changed pair; an unchanged pair's decision is remembered (s3-pairing-reads).
    async list() {
      const objects = await listObjects(keyPrefix).catch((cause: unknown) => {
        if (isNotFound(cause)) throw badRequest('SOURCE_NOT_FOUND', `Bucket ${bucket} does not exist`, cause);
        throw cause;
      });
      listedKeys = new Set(objects.flatMap((object) => (object.Key === undefined ? [] : [object.Key])));
      albumsByFolder.clear();
      const { files, versions } = listedFiles(objects);
      return (await paired(files, versions)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },

    // One key as the listing would give it (S3 events): a Live Photo's video is no entry of its own, its still
    // carries it. One ListObjectsV2 of the key's base name finds the key and its siblings at once.
    async stat(path) {
      if (pathFor(keyFor(path)) !== path) return undefined;
      let found;
      try {
        found = await sameStem(path);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
      if (!found.files.some((file) => file.path === path)) return undefined;
      return (await paired(found.files, found.versions)).find((entry) => entry.path === path);
    },

    async livePhotoSiblings(path) {
      if (!STILL_NAME.test(path) && !MOTION_NAME.test(path)) return [];
      const { files } = await sameStem(path);
      return files
        .map((file) => file.path)
        .filter((other) => other !== path && (STILL_NAME.test(other) || MOTION_NAME.test(other)));
    },

    async contentHash(file) {
      assertWithinLimit(file);
      const hash = createHash('sha256');
      for await (const chunk of await body(file)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },

    async readOriginal(file, readOptions) {
      // The readers need a file for videos and big originals: two GETs, as contentHash and readMetadata do.
      return {
        contentHash: await this.contentHash(file),
        readMetadata: () => this.readMetadata(file, readOptions),
      };
    },

    async readContent(path) {
      const chunks: Buffer[] = [];
      for await (const chunk of await body({ path, bytes: 0, modifiedAt: new Date(0) }))
        chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },

    async readMetadata(file, readOptions = {}): Promise<PhotoMetadata> {
      assertWithinLimit(file);
      const folder = await mkdtemp(join(tempDir, 'pf-s3-'));
      try {
        // The readers need a file (sharp + exifr seek); the extension keeps format sniffing honest for readers.
        const copy = join(folder, `original${extname(file.path).toLowerCase()}`);
        await pipeline(await body(file), createWriteStream(copy));
        const key = keyFor(file.path);
        const folderKey = key.slice(0, key.lastIndexOf('/') + 1);
        const fileName = key.slice(folderKey.length);
        const metadata = await readPhotoMetadata({
          absolutePath: copy,
          fileName,
          modifiedAt: file.modifiedAt,
          sidecar: await findSidecar(folderKey, fileName),
          folderAlbums: await folderAlbums(folderKey),
          logger,
          perceptualHash: readOptions.perceptualHash,
        });
        // A motion photo's MP4 (Pixel, Samsung) is inside the object itself: read from the same copy, as a
        // folder's are. An Apple Live Photo's MOV was paired by list() or stat(): file.motion names it, unread here.
        const part = await readMotionPart({
          absolutePath: copy,
          file,
          metadata,
          uriFor: (path) => `s3://${bucket}/${keyFor(path)}`,
          logger,
        });
        return 'motion' in part ? { ...metadata, motion: part.motion } : metadata;
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

function assertWithinLimit(file: SourceFile): void {
  if (file.bytes > MAX_FILE_BYTES) {
    throw new IngestSkip('FILE_TOO_LARGE', `${file.bytes} bytes exceeds ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
}

function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    name === 'NoSuchKey' ||
    name === 'NotFound' ||
    name === 'NoSuchBucket' ||
    $metadata?.httpStatusCode === 404
  );
}
