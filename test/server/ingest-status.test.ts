import assert from 'node:assert/strict';
import { IngestStatus, publicVisionProgress } from '../../server/ingest-status';

describe('IngestStatus and vision progress on /healthz', () => {
  it('keeps the ingest counts to files read: vision-phase progress is reported apart', async () => {
    const status = new IngestStatus();
    const ingest = status.track(new Promise<void>((resolve) => setImmediate(resolve)));
    status.progress({ phase: 'metadata', done: 4, total: 4 });
    status.progress({ phase: 'vision', done: 1, total: 2 });
    await ingest;
    assert.deepEqual(status.snapshot(), { state: 'done', done: 4, total: 4 });
  });

  it('hides paths in a failed vision pass reason (the endpoint is open)', () => {
    const shown = publicVisionProgress(
      {
        state: 'failed',
        done: 1,
        total: 5,
        photosPerSecond: 0.5,
        reason: 'cannot open /srv/photos/Trips/a.jpg and /home/me/.cache/model.bin',
      },
      '/srv/photos',
    );
    assert.equal(shown.reason, 'cannot open PHOTOS_DIR/Trips/a.jpg and <path>');
    const running = { state: 'running' as const, done: 1, total: 5, photosPerSecond: 0.5 };
    assert.deepEqual(publicVisionProgress(running, '/srv/photos'), running);
  });
});
