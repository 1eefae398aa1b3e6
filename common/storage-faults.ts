import { randomUUID } from 'node:crypto';
import { mkdir, rm, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Codes that mean "the storage under the database cannot take writes": a full disk or a file system that went
 * read-only (ext4 `errors=remount-ro`, a read-only mount or volume). Reads usually still work, so these are
 * outages of writing, reported as 503 with a code of their own rather than as bugs.
 * PostgreSQL: 53100 disk_full, 25006 read_only_sql_transaction (a standby or a read-only default).
 */
const STORAGE_CODES = new Set([
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_IOERR_WRITE',
  'ENOSPC',
  'EROFS',
  'EDQUOT',
  '53100',
  '25006',
]);

/** True when `error` (or anything in its cause chain) says the storage is full or read-only. */
export function isStorageUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && STORAGE_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Below this, SQLite cannot be trusted to finish a transaction (a WAL frame and a checkpoint need room): the write
 * probe alone would pass, because a probe that changes nothing needs no space.
 */
export const MIN_FREE_BYTES = 1024 * 1024;

/** Bytes an unprivileged writer may still use on the file system holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/**
 * Rejects unless a file can be created in `dir` right now. Permission checks (access W_OK) do not see an ext4 that
 * turned read-only after an I/O error (its mount flags still say rw), and a database probe that changes nothing
 * writes nothing: creating a file is what meets the fault.
 */
export async function assertFolderTakesWrites(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const probe = join(dir, `.ready-${randomUUID()}.tmp`);
  try {
    await writeFile(probe, 'ok');
  } finally {
    await rm(probe, { force: true });
  }
}
