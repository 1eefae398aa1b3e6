import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { badRequest } from '../../common/errors';
import type { PhotoMetadata } from './photo-metadata';
import type { PhotoSource, SourceFile } from './photo-source';
import { readJpegMetadata } from './read-jpeg-metadata';
import { IngestSkip } from './skip-reasons';

const JPEG_NAME = /\.jpe?g$/i;

/** A local folder of originals, scanned recursively. Dotfiles and dot-folders (.Trash, .thumbnails) are not photos. */
export function createFolderSource(folder: string): PhotoSource {
  const root = resolve(folder);
  const absolute = (path: string): string => join(root, ...path.split('/'));
  return {
    root,
    list: () => listJpegs(root),
    uriFor: (path) => pathToFileURL(absolute(path)).href,
    contentHash: (file) => sha256File(absolute(file.path)),
    readMetadata: (file): Promise<PhotoMetadata> => readJpegMetadata(absolute(file.path), file.modifiedAt),
  };
}

/** Relative '/'-separated paths in a stable order, so repeated runs process files alike. */
async function listJpegs(root: string): Promise<SourceFile[]> {
  await assertFolder(root);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: SourceFile[] = [];
  for (const entry of entries) {
    if (!JPEG_NAME.test(entry.name)) continue;
    const relative = join(entry.parentPath, entry.name)
      .slice(root.length + 1)
      .split(sep);
    if (relative.some((part) => part.startsWith('.'))) continue;
    // Symlinked files count (stat follows them); readdir does not descend into symlinked folders, so no loops.
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    let info;
    try {
      info = await stat(join(entry.parentPath, entry.name));
    } catch {
      continue; // vanished or dangling since readdir: nothing to ingest
    }
    if (!info.isFile()) continue;
    files.push({ path: relative.join('/'), bytes: info.size, modifiedAt: info.mtime });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
