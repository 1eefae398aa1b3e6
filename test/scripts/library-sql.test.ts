import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { LIBRARY_SQL_FILE } from '../../scripts/generate-library-sql';
import { generateLibrarySql } from '../../scripts/library-sql';

describe('metadata-service/queries/library.sql', () => {
  it('is what the repository sends today (regenerate with `npx tsx scripts/generate-library-sql.ts`)', async () => {
    const checkedIn = await readFile(LIBRARY_SQL_FILE, 'utf8');
    const current = await generateLibrarySql();
    assert.ok(current.includes('from "photo_labels"') && current.includes('"photos"."owner_id" = $1'));
    assert.equal(checkedIn, current, 'library.sql is stale: run `npx tsx scripts/generate-library-sql.ts`');
  });
});
