import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger } from '../../common/logger';
import { NotReadyError } from '../../display-service/display';
import { checkReadiness } from '../../common/readiness';
import { startDisplay } from './helpers/display-harness';
import { makeTempDir } from './helpers/image-fixtures';

async function reasonsOf(ready: Promise<void>): Promise<readonly string[]> {
  try {
    await ready;
    return [];
  } catch (error) {
    assert.ok(error instanceof NotReadyError, String(error));
    return error.reasons;
  }
}

describe('readiness', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('is ready while the database answers and the renditions folder takes writes, and says which is not', async () => {
    const running = await startDisplay(dir);
    let closed = false;
    try {
      assert.deepEqual(await reasonsOf(running.display.ready()), []);
      // Someone replaced the renditions folder with a file (or the disk went read-only).
      await rm(join(dir, 'renditions'), { recursive: true, force: true });
      await writeFile(join(dir, 'renditions'), 'not a folder');
      assert.deepEqual(await reasonsOf(running.display.ready()), ['renditions folder does not take writes']);
      await running.close();
      closed = true;
      assert.deepEqual(await reasonsOf(running.display.ready()), [
        'database does not answer',
        'renditions folder does not take writes',
      ]);
    } finally {
      if (!closed) await running.close();
    }
  });

  it('runs every check and lists each failure in order', async () => {
    const logger = createLogger('silent');
    const ok = () => Promise.resolve();
    const failing = () => Promise.reject(new Error('boom'));
    assert.deepEqual(await reasonsOf(checkReadiness({ a: ok, b: ok }, logger)), []);
    assert.deepEqual(
      await reasonsOf(checkReadiness({ 'z fails': failing, a: ok, 'b fails': failing }, logger)),
      ['b fails', 'z fails'],
    );
  });
});
