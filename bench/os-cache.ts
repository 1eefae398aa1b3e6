/**
 * The OS page cache of the bench database's own files, for the search bench's two kinds of cold (never the whole
 * machine's cache):
 * - dropped (GNU dd's iflag=nocache with count=0 drops a file's cached pages without reading it), so the first
 *   searches read from disk as after the machine restarted;
 * - loaded (each file read through once), as the files are right after building the index on a machine with the
 *   memory to hold them: a kept index's pages may have been dropped by an earlier run.
 * PostgreSQL's shared_buffers keep what they hold either way (a restart would be needed, and the server is shared):
 * the caller says so in its output. Each returns how many files it touched; 0 when the files are not reachable
 * (another host, no permission).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../common/database';

const run = promisify(execFile);

type FileCacheAction = (file: string) => Promise<boolean>;

/** GNU dd over one file; false when it cannot (missing file, no permission). */
async function dd(file: string, args: string[]): Promise<boolean> {
  try {
    await run('dd', [`if=${file}`, ...args, 'status=none']);
    return true;
  } catch {
    return false;
  }
}

const dropFile: FileCacheAction = (file) => dd(file, ['iflag=nocache', 'count=0']);
const loadFile: FileCacheAction = (file) => dd(file, ['of=/dev/null', 'bs=1M']);

async function onSqliteFiles(file: string, action: FileCacheAction): Promise<number> {
  let touched = 0;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path) && (await action(path))) touched++;
  }
  return touched;
}

export const dropSqliteCache = (file: string): Promise<number> => onSqliteFiles(file, dropFile);
export const loadSqliteCache = (file: string): Promise<number> => onSqliteFiles(file, loadFile);
export const dropPostgresCache = (url: string): Promise<number> => onPostgresFiles(url, dropFile);
export const loadPostgresCache = (url: string): Promise<number> => onPostgresFiles(url, loadFile);

async function onPostgresFiles(url: string, action: FileCacheAction): Promise<number> {
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
  let touched = 0;
  for (const file of files) if (await action(join(directory, file))) touched++;
  return touched;
}
