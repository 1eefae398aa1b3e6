/**
 * Best-effort "cold" for the search bench: asks the kernel to drop its page cache of the bench database's own files
 * (GNU dd's iflag=nocache with count=0 drops a file's cached pages without reading it), so the first searches read
 * from disk as after a restart. Only the bench database's files are touched, never the whole machine's cache.
 * PostgreSQL's shared_buffers keep what they hold (a restart would be needed, and the server is shared): the
 * caller says so in its output. Returns how many files were dropped; 0 when the files are not reachable (another
 * host, no permission).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../common/database';

const run = promisify(execFile);

async function dropFile(file: string): Promise<boolean> {
  try {
    await run('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none']);
    return true;
  } catch {
    return false;
  }
}

export async function dropSqliteCache(file: string): Promise<number> {
  let dropped = 0;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path) && (await dropFile(path))) dropped++;
  }
  return dropped;
}

export async function dropPostgresCache(url: string): Promise<number> {
  const db = openDatabase<unknown>({ kind: 'postgres', url });
  let directory: string;
  try {
    const { rows } = await sql<{ dir: string; oid: string }>`
      select current_setting('data_directory') as dir, oid::text as oid
      from pg_database where datname = current_database()`.execute(db);
    const row = rows[0];
    if (!row) return 0;
    directory = join(row.dir, 'base', row.oid);
  } catch {
    return 0;
  } finally {
    await db.destroy();
  }
  let files: string[];
  try {
    files = await readdir(directory);
  } catch {
    return 0;
  }
  let dropped = 0;
  for (const file of files) if (await dropFile(join(directory, file))) dropped++;
  return dropped;
}
