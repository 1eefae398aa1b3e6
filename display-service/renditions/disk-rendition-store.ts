import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertFolderTakesWrites } from '../../common/storage-faults';

/**
 * Finished renditions persisted under one folder, named by cache key, so a restart or a second instance on the
 * same disk never renders the same image twice.
 */
export class DiskRenditionStore {
  constructor(private readonly dir: string) {}

  /** The stored image, or undefined when it was never written. */
  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.fileFor(key));
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Writes to a temp file then renames it into place: a crash mid-write never leaves a half image under the key. */
  async put(key: string, image: Buffer): Promise<void> {
    const file = this.fileFor(key);
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, image);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Proves the folder takes writes (readiness): writes and removes a small probe file, or throws why not. */
  assertWritable(): Promise<void> {
    return assertFolderTakesWrites(this.dir);
  }

  fileFor(key: string): string {
    if (!/^[a-f0-9]{16,}$/.test(key)) throw new Error(`not a rendition cache key: ${key}`);
    // Two-character fan-out keeps directories small with millions of renditions.
    // The key already names the format; one extension for all keeps the store format-agnostic.
    return join(this.dir, key.slice(0, 2), `${key}.img`);
  }
}
