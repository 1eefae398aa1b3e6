/** Writes metadata-service/queries/library.sql: the library's SQL per query shape, for review (see library-sql.ts). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateLibrarySql } from './library-sql';

export const LIBRARY_SQL_FILE = join(__dirname, '..', 'metadata-service', 'queries', 'library.sql');

async function main(): Promise<void> {
  await writeFile(LIBRARY_SQL_FILE, await generateLibrarySql());
  console.log(`wrote ${LIBRARY_SQL_FILE}`);
}

if (require.main === module) void main();
