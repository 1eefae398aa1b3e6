import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase } from '../../../common/database';
import { ancestorsOf } from '../../../common/vocabulary';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import type { JobQueue } from '../../../metadata-service/jobs/job-queue';
import { startJobWorkers, type JobWorkers } from '../../../metadata-service/jobs/job-workers';
import { modelVersionOf } from '../../../metadata-service/jobs/vision-jobs-for';
import { visionJobHandler } from '../../../metadata-service/jobs/vision-job';
import { VisionRepository } from '../../../metadata-service/vision/vision-repository';
import { scratchEngines, type ScratchDatabase } from '../../support/scratch-databases';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';
import { openTestQueue, TEST_POLICY, until } from './support/test-queues';

const OWNER = 'owner-jobs';
const LOCAL_VISION = { provider: 'local', workers: 1 } as const;
/** pg-boss fails a handler that outlives its lease: an ingest pass with its migrations may take seconds here. */
const INGEST_POLICY = { ...TEST_POLICY, leaseSeconds: 60 };

for (const engine of scratchEngines()) {
  describe(`job workers: ingest and vision jobs (${engine.name})`, function () {
    this.timeout(60_000);
    let tmp: TempDir;
    let scratch: ScratchDatabase;
    let queue: JobQueue;
    let workers: JobWorkers | undefined;

    beforeEach(async () => {
      tmp = await makeTempDir('pf-jobs-');
      scratch = await engine.create();
      queue = await openTestQueue(scratch.location, silentLogger, INGEST_POLICY);
      await writeJpeg(join(tmp.path, 'photos', 'Beach day', 'a.jpg'), { seed: 1 });
      await writeJpeg(join(tmp.path, 'photos', 'Beach day', 'b.jpg'), { seed: 2 });
    });
    afterEach(async () => {
      await (workers ? workers.stop({ graceMs: 1000 }) : queue.stop({ graceMs: 1000 }));
      workers = undefined;
      await scratch.drop();
      await tmp.cleanup();
    });

    it('an ingest job indexes the folder and queues one vision job per photo, once', async () => {
      const folder = join(tmp.path, 'photos');
      // Vision settings without working the vision queue: the jobs stay queued for other workers.
      workers = await startJobWorkers({
        database: scratch.location,
        queue,
        logger: silentLogger,
        vision: LOCAL_VISION,
        queues: ['ingest'],
      });
      await queue.send('ingest', { ownerId: OWNER, location: folder }, { key: folder });
      await until('two vision jobs', async () => (await queue.counts('vision', OWNER)).queued === 2);
      await until('the ingest job is done', async () => (await queue.counts('ingest')).active === 0);

      await queue.send('ingest', { ownerId: OWNER, location: folder }, { key: folder });
      await until('the second ingest is done', async () => {
        const counts = await queue.counts('ingest');
        return counts.queued + counts.active === 0;
      });
      assert.deepEqual(await queue.counts('vision', OWNER), { queued: 2, active: 0, failed: 0, dead: 0 });
      assert.deepEqual(await queue.counts('ingest'), { queued: 0, active: 0, failed: 0, dead: 0 });
    });

    it('a vision job does nothing for a photo this model version analysed, or one that is gone', async () => {
      const folder = join(tmp.path, 'photos');
      workers = await startJobWorkers({
        database: scratch.location,
        queue,
        logger: silentLogger,
        vision: LOCAL_VISION,
        queues: ['ingest'],
      });
      await queue.send('ingest', { ownerId: OWNER, location: folder }, { key: folder });
      await until('two vision jobs', async () => (await queue.counts('vision', OWNER)).queued === 2);

      const db = openDatabase<LibraryDatabase>(scratch.location);
      try {
        const photos = await db.selectFrom('photos').select('id').where('owner_id', '=', OWNER).execute();
        const [analysed, fresh] = photos.map((p) => p.id);
        assert.ok(analysed && fresh);
        const repository = new VisionRepository(db, ancestorsOf);
        const modelVersion = modelVersionOf(LOCAL_VISION);
        await repository.saveAnalysis(
          OWNER,
          analysed,
          modelVersion,
          { labels: [], faces: [] },
          '2026-01-01T00:00:00Z',
        );
        let providerStarts = 0;
        const handler = visionJobHandler({
          db,
          repository,
          modelVersion,
          provider: () => {
            providerStarts += 1;
            throw new Error('the vision service is down');
          },
          queue,
          logger: silentLogger,
        });
        const job = (photoId: string, ownerId = OWNER) => ({
          id: 'job-1',
          attempt: 1,
          data: { ownerId, photoId },
        });

        await handler(job(analysed));
        await handler(job('ph_deleted_long_ago'));
        await handler(job(fresh, 'another-owner'));
        assert.equal(providerStarts, 0, 'no model started for work already done or not there');

        // A photo still to analyse needs the provider: its failure is the job's (retried by the queue).
        await assert.rejects(handler(job(fresh)), /the vision service is down/);
        assert.equal(providerStarts, 1);
        await assert.rejects(handler({ id: 'job-2', attempt: 1, data: { ownerId: OWNER } }), /photoId/);
        const seen = await db.selectFrom('photo_vision').select(['photo_id', 'model_version']).execute();
        assert.deepEqual(seen, [{ photo_id: analysed, model_version: modelVersion }]);
      } finally {
        await db.destroy();
      }
    });
  });
}
