import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayErrors } from '../../errors';
import type { OriginalStore } from '../original-store';
import { videoErrors } from './video-errors';

/**
 * Runs `use` with a local path of a video original: ffmpeg seeks in a file (an MP4's index may sit at its end), so
 * a `file://` original is used where it lies and any other (`s3://`) is first copied to a temporary file through
 * the original store, bounded by `maxBytes`, and removed afterwards.
 */
export async function withLocalVideoFile<T>(
  uri: string,
  originals: OriginalStore,
  options: { maxBytes: number; signal: AbortSignal },
  use: (path: string) => Promise<T>,
): Promise<T> {
  if (uri.startsWith('file:')) {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch (error) {
      throw displayErrors.originalNotFound(error);
    }
    return use(path);
  }
  const bytes = await originals.size(uri, { signal: options.signal });
  if (bytes > options.maxBytes) throw videoErrors.tooLarge(bytes, options.maxBytes);
  const dir = await mkdtemp(join(tmpdir(), 'photoframe-clip-'));
  try {
    const path = join(dir, `${randomUUID()}.video`);
    await writeFile(path, await originals.read(uri, options));
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
