import assert from 'node:assert/strict';
import { backoffMs, ingestJobSchema } from '../../../metadata-service/jobs/queue-definitions';

describe('job queue definitions', () => {
  it('backs off exponentially with up to as much again of jitter, and never past maxRetryDelaySeconds', () => {
    const policy = { retryLimit: 100, retryDelaySeconds: 30, leaseSeconds: 30 };
    assert.deepEqual(
      [1, 2, 3].map((retry) => backoffMs(policy, retry, () => 0)),
      [30_000, 60_000, 120_000],
    );
    assert.equal(
      backoffMs(policy, 2, () => 0.5),
      90_000,
    );
    const capped = { ...policy, maxRetryDelaySeconds: 900 };
    assert.equal(
      backoffMs(capped, 5, () => 0),
      480_000,
    );
    assert.equal(
      backoffMs(capped, 6, () => 0.99),
      900_000,
    );
    assert.equal(
      backoffMs(capped, 40, () => 0),
      900_000,
    );
  });

  it("validates an ingest job's watched changes: relative paths in four lists, or none", () => {
    const changes = { changed: ['a.jpg'], removed: [], removedFolders: ['old/'], sidecars: [] };
    assert.deepEqual(ingestJobSchema.parse({ ownerId: 'o', location: '/photos', changes }).changes, changes);
    assert.equal(ingestJobSchema.parse({ ownerId: 'o', location: '/photos' }).changes, undefined);
    assert.throws(() =>
      ingestJobSchema.parse({ ownerId: 'o', location: '/photos', changes: { changed: ['a'] } }),
    );
    assert.throws(() =>
      ingestJobSchema.parse({ ownerId: 'o', location: '/photos', changes: { ...changes, changed: [''] } }),
    );
  });
});
