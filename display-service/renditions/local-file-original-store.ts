import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { displayErrors } from '../errors';
import type { OriginalStore } from './original-store';

/** Originals on the local disk, named by `file:///abs/path` URIs (the embedded stack's library folder). */
export class LocalFileOriginalStore implements OriginalStore {
  async size(uri: string): Promise<number> {
    const path = toPath(uri);
    try {
      const info = await stat(path);
      if (!info.isFile()) throw displayErrors.originalNotFound(new Error(`${path} is not a file`));
      return info.size;
    } catch (error) {
      throw isMissing(error) ? displayErrors.originalNotFound(error) : error;
    }
  }

  async read(uri: string, options: { maxBytes: number; signal: AbortSignal }): Promise<Buffer> {
    const path = toPath(uri);
    // `end` is inclusive: reading at most maxBytes + 1 bytes is enough to tell "too large" without reading it all.
    // 1 MB chunks: a 3-5 MB photo read in 64 KB chunks cost ~15 ms of CPU per cold render, in 1 MB ones ~8 ms.
    const stream = createReadStream(path, {
      end: options.maxBytes,
      signal: options.signal,
      highWaterMark: 1024 * 1024,
    });
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        chunks.push(buffer);
        total += buffer.length;
      }
    } catch (error) {
      throw isMissing(error) ? displayErrors.originalNotFound(error) : error;
    }
    if (total > options.maxBytes) throw displayErrors.sourceTooLarge(total, options.maxBytes);
    return Buffer.concat(chunks, total);
  }
}

function toPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch (error) {
    throw displayErrors.originalNotFound(error);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
