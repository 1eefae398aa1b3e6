import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the browser tests save their screenshots: a scratch folder, so `npm test` never modifies a tracked file.
 * `UPDATE_SCREENSHOTS=1 npm run test:browser` writes them into docs/screenshots/ for the README instead.
 */
export const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', '..', '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'photoframe-screenshots-'));
