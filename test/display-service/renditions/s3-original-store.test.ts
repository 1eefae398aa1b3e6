import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../common/errors';
import { S3OriginalStore } from '../../../display-service/renditions/s3-original-store';
import { startS3rver, type TestS3Server } from '../../support/s3rver';

describe('S3OriginalStore against a real S3-compatible server (s3rver)', function () {
  this.timeout(30_000);
  let dir: string;
  let s3: TestS3Server;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photoframe-s3-originals-'));
    s3 = await startS3rver(dir);
  });
  afterEach(async () => {
    await s3.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const signal = () => new AbortController().signal;

  it('reports the size without downloading and reads the bytes back identically', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    await s3.put('2026/beach day.jpg', bytes);
    const store = new S3OriginalStore(s3.client);
    assert.equal(await store.size('s3://photos/2026/beach day.jpg'), bytes.length);
    const read = await store.read('s3://photos/2026/beach day.jpg', {
      maxBytes: 1_000_000,
      signal: signal(),
    });
    assert.ok(read.equals(bytes));
  });

  it('refuses to read past maxBytes (SOURCE_TOO_LARGE) and reports a missing object as ORIGINAL_NOT_FOUND', async () => {
    await s3.put('big.jpg', Buffer.alloc(5000, 7));
    const store = new S3OriginalStore(s3.client);
    await assert.rejects(
      store.read('s3://photos/big.jpg', { maxBytes: 1000, signal: signal() }),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'SOURCE_TOO_LARGE');
        return true;
      },
    );
    await assert.rejects(store.size('s3://photos/missing.jpg'), { code: 'ORIGINAL_NOT_FOUND' });
    await assert.rejects(store.read('s3://photos/missing.jpg', { maxBytes: 1000, signal: signal() }), {
      code: 'ORIGINAL_NOT_FOUND',
    });
  });
});
