import { createReadStream, readFile as readFileCallback } from 'node:fs';
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { badRequest } from '../../common/errors';
import { createLogger, type Logger } from '../../common/logger';
import { livePhotoStem, pairLivePhotos } from './live-photos/pair-live-photos';
import { fileReads } from './live-photos/pairing-reads';
import { readMotionPart } from './live-photos/read-motion-part';
import type { PhotoMetadata } from './photo-metadata';
import type { AddressableSource, ReadMetadataOptions, SourceFile } from './photo-source';
import { readPhotoMetadata } from './readers/read-photo-metadata';
import { isTakeoutAlbumFileName, parseTakeoutAlbum, takeoutSidecarNames } from './sidecars/takeout';
import { MAX_XMP_SIDECAR_BYTES, xmpSidecarNames } from './sidecars/xmp-sidecar';
import { IngestSkip, type SkipCode } from './skip-reasons';

export { readPhotoMetadata } from './readers/read-photo-metadata';
export { applyTakeoutSidecar, takeoutSidecarNames } from './sidecars/takeout';

/** Extensions of originals we index (the content is still sniffed: a `.jpg` holding text is skipped, not trusted). */
export const ORIGINAL_EXTENSIONS = [
  'jpg', 'jpeg', 'png', 'webp', 'avif', 'heic', 'heif', 'tif', 'tiff', 'mp4', 'mov', 'm4v',
] as const; // prettier-ignore
const ORIGINAL_NAME = new RegExp(`\\.(${ORIGINAL_EXTENSIONS.join('|')})$`, 'i');

/**
 * Originals up to this size are read into memory once for both the content hash and the readers (a phone photo is
 * 2-12 MB; with the CLI's 2 x cores files in flight that is well under 100 MB); bigger ones are streamed twice.
 */
const KEEP_IN_MEMORY_BYTES = 24 * 1024 * 1024;

/** Sidecars are small; anything bigger is not one. */
const MAX_SIDECAR_BYTES = 1024 * 1024;

export function isOriginalName(name: string): boolean {
  return ORIGINAL_NAME.test(name) && !name.startsWith('.');
}

export interface FolderSourceOptions {
  /** Where ignored sidecars are reported. */
  logger?: Logger;
}

/**
 * A local folder of originals, scanned recursively. Dotfiles and dot-folders (.Trash, .thumbnails) are not photos;
 * Takeout `*.json` sidecars and album `metadata.json` files (under their localized names too) are read alongside the
 * photo they describe.
 */
export function createFolderSource(folder: string, options: FolderSourceOptions = {}): AddressableSource {
  const root = resolve(folder);
  const logger = options.logger ?? createLogger('silent');
  const absolute = (path: string): string => join(root, ...path.split('/'));
  const pairing = { reads: fileReads(absolute), logger };
  const albumsByFolder = new Map<string, Promise<string[]>>();
  // One readdir per folder instead of a stat per sidecar name variant per photo (six or more: see takeout.ts).
  const namesByFolder = new Map<string, Promise<ReadonlySet<string>>>();
  const folderNames = (folderPath: string): Promise<ReadonlySet<string>> => {
    let names = namesByFolder.get(folderPath);
    if (!names) {
      names = readdir(folderPath).then(
        (entries) => new Set(entries),
        () => new Set<string>(),
      );
      namesByFolder.set(folderPath, names);
    }
    return names;
  };
  // XMP sidecar names differ in case from their photo's (IMG_1.JPG, IMG_1.xmp): looked up lower-case.
  const lowerNamesByFolder = new Map<string, Promise<ReadonlyMap<string, string>>>();
  const folderNamesLower = (folderPath: string): Promise<ReadonlyMap<string, string>> => {
    let names = lowerNamesByFolder.get(folderPath);
    if (!names) {
      names = folderNames(folderPath).then(
        (all) => new Map([...all].filter((n) => /\.xmp$/i.test(n)).map((n) => [n.toLowerCase(), n] as const)),
      );
      lowerNamesByFolder.set(folderPath, names);
    }
    return names;
  };
  const folderAlbums = (folderPath: string): Promise<string[]> => {
    let albums = albumsByFolder.get(folderPath);
    if (!albums) {
      albums = folderNames(folderPath).then((names) => {
        const albumFile = [...names].find(isTakeoutAlbumFileName);
        return albumFile ? readAlbumTitle(join(folderPath, albumFile), logger) : [];
      });
      albumsByFolder.set(folderPath, albums);
    }
    return albums;
  };
  return {
    root,
    // Live Photo pairs (IMG_1.HEIC + IMG_1.MOV) are listed as one entry: the still, carrying its video.
    list: async () => pairLivePhotos(await listOriginals(root), pairing),
    // One path as the walk would list it (the folder watcher's events): undefined when it is gone or not an original.
    async stat(path) {
      if (!isListablePath(path)) return undefined;
      const statOne = async (one: string): Promise<SourceFile | undefined> => {
        const link = await lstat(absolute(one)).catch(() => undefined);
        return link ? listedFile(absolute(one), one, link) : undefined;
      };
      const file = await statOne(path);
      if (!file) return undefined;
      // As the walk pairs it: a Live Photo's video is no entry of its own, its still carries it.
      const stem = livePhotoStem(path);
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      const siblings = (await readdir(dirname(absolute(path))).catch(() => [] as string[]))
        .map((name) => `${folder}${name}`)
        .filter((other) => other !== path && isOriginalName(other) && livePhotoStem(other) === stem);
      if (siblings.length === 0) return file;
      const listed = (await Promise.all(siblings.map(statOne))).filter(
        (f): f is SourceFile => f !== undefined,
      );
      const paired = await pairLivePhotos([file, ...listed], pairing);
      return paired.find((entry) => entry.path === path);
    },
    uriFor: (path) => pathToFileURL(absolute(path)).href,
    contentHash: (file) => sha256File(absolute(file.path)),
    readMetadata: (file, options) => readMetadata(file, undefined, options),
    async readOriginal(file, options) {
      if (file.bytes > KEEP_IN_MEMORY_BYTES) {
        return {
          contentHash: await sha256File(absolute(file.path)),
          readMetadata: () => readMetadata(file, undefined, options),
        };
      }
      const content = await readContent(file.path);
      return {
        contentHash: createHash('sha256').update(content).digest('hex'),
        readMetadata: () => readMetadata(file, content, options),
      };
    },
    readContent,
  };

  // The callback readFile: fs/promises' reads in chunks with a libuv round trip each (open, fstat, reads,
  // close), which profiled at 0.4 ms of the main thread per small photo (issue #16).
  function readContent(path: string): Promise<Buffer> {
    return new Promise((done, fail) => {
      readFileCallback(absolute(path), (cause, content) => {
        if (cause) fail(new IngestSkip('UNREADABLE_FILE', 'file could not be read', { cause }));
        else done(content);
      });
    });
  }

  async function readMetadata(
    file: SourceFile,
    content?: Buffer,
    options: ReadMetadataOptions = {},
  ): Promise<PhotoMetadata> {
    const metadata = await readStillMetadata(file, content, options);
    const uriFor = (path: string): string => pathToFileURL(absolute(path)).href;
    const absolutePath = absolute(file.path);
    const part = await readMotionPart({ absolutePath, content, file, metadata, uriFor, logger });
    return 'motion' in part ? { ...metadata, motion: part.motion } : metadata;
  }

  async function readStillMetadata(
    file: SourceFile,
    content: Buffer | undefined,
    options: ReadMetadataOptions,
  ): Promise<PhotoMetadata> {
    const absolutePath = absolute(file.path);
    const fileName = basename(absolutePath);
    return readPhotoMetadata({
      absolutePath,
      content,
      fileName,
      modifiedAt: file.modifiedAt,
      sidecar: await findSidecar(
        dirname(absolutePath),
        fileName,
        await folderNames(dirname(absolutePath)),
        logger,
      ),
      xmpSidecar: await findXmpSidecar(
        dirname(absolutePath),
        fileName,
        await folderNamesLower(dirname(absolutePath)),
        logger,
      ),
      folderAlbums: await folderAlbums(dirname(absolutePath)),
      logger,
      perceptualHash: options.perceptualHash,
    });
  }
}

/**
 * Relative '/'-separated paths in a stable order, so repeated runs process files alike. The walk never aborts on
 * one bad entry: an unreadable folder, a looping or dangling link, or a device or FIFO with a photo's name is
 * listed with its problem (recorded as a skip by the run) and the rest is walked. Symlinked files count (stat
 * follows them); symlinked folders are not descended into, so no walk can loop.
 */
async function listOriginals(root: string): Promise<SourceFile[]> {
  await assertFolder(root);
  const files: SourceFile[] = [];
  const problem = (path: string, code: SkipCode, reason: string): void => {
    files.push({ path, bytes: 0, modifiedAt: new Date(0), problem: { code, reason } });
  };
  const folders: string[] = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(folder === '' ? root : join(root, ...folder.split('/')), {
        withFileTypes: true,
      });
    } catch (error) {
      problem(`${folder}/`, 'UNREADABLE_FOLDER', `folder could not be read (${errorCode(error)})`);
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        folders.push(relative);
        continue;
      }
      if (!isOriginalName(entry.name)) continue;
      const listed = await listedFile(join(root, ...relative.split('/')), relative, entry);
      if (listed) files.push(listed);
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A relative path the walk could list: no empty, `..` or dot segments, and an original's name. */
function isListablePath(path: string): boolean {
  const segments = path.split('/');
  return segments.every((s) => s !== '' && !s.startsWith('.')) && isOriginalName(segments.at(-1) ?? '');
}

/** One candidate original as a listing entry, with its problem when it cannot be read as a file. */
async function listedFile(
  absolutePath: string,
  path: string,
  entry: Pick<Dirent, 'isSymbolicLink'>,
): Promise<SourceFile | undefined> {
  const problem = (code: SkipCode, reason: string): SourceFile => ({
    path,
    bytes: 0,
    modifiedAt: new Date(0),
    problem: { code, reason },
  });
  let info;
  try {
    info = await stat(absolutePath);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ELOOP') return problem('SYMLINK_LOOP', 'symbolic link loops');
    if (code === 'ENOENT') {
      // A link to nothing is worth reporting; a file deleted since readdir is simply not there any more.
      return entry.isSymbolicLink() ? problem('DANGLING_LINK', 'symbolic link points at nothing') : undefined;
    }
    return problem('UNREADABLE_FILE', `file could not be read (${code})`);
  }
  if (info.isDirectory()) return problem('NOT_A_FILE', 'a linked folder with a photo name is not walked');
  if (!info.isFile()) return problem('NOT_A_FILE', 'a device, FIFO or socket, not a file');
  return { path, bytes: info.size, modifiedAt: info.mtime };
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

/** The parsed JSON of the first Takeout sidecar name that exists; undefined when none does or it is not JSON. */
async function findSidecar(
  folder: string,
  fileName: string,
  namesInFolder: ReadonlySet<string>,
  logger: Logger,
): Promise<unknown> {
  for (const name of takeoutSidecarNames(fileName)) {
    if (!namesInFolder.has(name)) continue;
    const json = await readJsonFile(join(folder, name), logger);
    if (json.found) return json.value;
  }
  return undefined;
}

/** The text of the photo's XMP sidecar, if the folder has one under a name it may have. */
async function findXmpSidecar(
  folder: string,
  fileName: string,
  xmpNamesLower: ReadonlyMap<string, string>,
  logger: Logger,
): Promise<string | undefined> {
  for (const candidate of xmpSidecarNames(fileName)) {
    const name = xmpNamesLower.get(candidate);
    if (!name) continue;
    const path = join(folder, name);
    try {
      const info = await stat(path);
      if (!info.isFile()) continue;
      if (info.size > MAX_XMP_SIDECAR_BYTES) {
        logger.warn('sidecar ignored', {
          path,
          reason: `${info.size} bytes is too large for an XMP sidecar`,
        });
        continue;
      }
      return await readFile(path, 'utf8');
    } catch {
      continue;
    }
  }
  return undefined;
}

async function readAlbumTitle(path: string, logger: Logger): Promise<string[]> {
  const json = await readJsonFile(path, logger);
  if (!json.found || json.value === undefined) return [];
  const album = parseTakeoutAlbum(json.value);
  if (album.ok) return [album.value];
  logger.warn('takeout album metadata ignored', { path, reason: album.reason });
  return [];
}

/** found:false when there is no such file; value undefined when it exists but is not usable JSON (logged). */
async function readJsonFile(path: string, logger: Logger): Promise<{ found: boolean; value?: unknown }> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { found: false };
    if (info.size > MAX_SIDECAR_BYTES) {
      logger.warn('sidecar ignored', { path, reason: `${info.size} bytes is too large for a sidecar` });
      return { found: true };
    }
    text = await readFile(path, 'utf8');
  } catch {
    return { found: false };
  }
  try {
    return { found: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    logger.warn('sidecar ignored', { path, reason: `not JSON: ${(error as Error).message}` });
    return { found: true };
  }
}

async function assertFolder(root: string): Promise<void> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw badRequest('SOURCE_NOT_FOUND', `Photo folder ${root} does not exist or cannot be read`);
  if (!info.isDirectory()) throw badRequest('SOURCE_NOT_A_FOLDER', `${root} is not a folder`);
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (cause) {
    throw new IngestSkip('UNREADABLE_FILE', 'file could not be read', { cause });
  }
  return hash.digest('hex');
}
