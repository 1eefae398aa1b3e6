import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openDatabase, type DatabaseLocation } from '../../../common/database';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import type { JobQueue } from '../../../metadata-service/jobs/job-queue';
import { openJobQueue } from '../../../metadata-service/jobs/open-job-queue';
import { scratchEngines, type ScratchDatabase } from '../../support/scratch-databases';
import { schemaOf, until } from '../jobs/support/test-queues';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';
import { visionTestPhotos } from '../vision/vision-test-photos';

const WORKER_CLI = resolve(__dirname, '../../../metadata-service/cli/worker.ts');
const OWNER = 'worker-owner';
/**
 * Longer than any job here, model loading included, on a busy 2-core machine: a lease that ends while its job
 * still runs hands the job to another worker (pg-boss also fails a handler at its lease), and 20 s was seen to be
 * too short for the first photo of a worker loading its models while another loaded its own.
 */
const LEASE_SECONDS = 60;

interface RunningWorker {
  child: ChildProcess;
  /** The JSON log lines so far (the worker logs JSON on stderr when it is not a terminal). */
  lines: Record<string, unknown>[];
}

function startWorker(env: NodeJS.ProcessEnv): RunningWorker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_CLI], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const worker: RunningWorker = { child, lines: [] };
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      try {
        worker.lines.push(JSON.parse(part) as Record<string, unknown>);
      } catch {
        worker.lines.push({ text: part });
      }
    }
  });
  return worker;
}

const visionLines = (worker: RunningWorker) => worker.lines.filter((line) => line.msg === 'vision job');

for (const engine of scratchEngines()) {
  describe(`npm run worker on real photos (${engine.name})`, function () {
    this.timeout(400_000);
    let tmp: TempDir;
    let scratch: ScratchDatabase;
    let queue: JobQueue;
    const running: RunningWorker[] = [];

    before(async function () {
      const photos = visionTestPhotos(this);
      tmp = await makeTempDir('pf-worker-vision-');
      scratch = await engine.create();
      await mkdir(join(tmp.path, 'photos'), { recursive: true });
      for (const name of ['dog.jpg', 'person.jpg', 'horses.jpg']) {
        await copyFile(photos.darknet(name), join(tmp.path, 'photos', name));
      }
    });
    after(async () => {
      for (const worker of running) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await queue?.stop({ graceMs: 1000 });
      await scratch?.drop();
      await tmp?.cleanup();
    });

    it('a worker killed mid-job: the job is retried by another worker, and no photo is analysed twice', async () => {
      const location: DatabaseLocation = scratch.location;
      const schema = schemaOf(location);
      const env: NodeJS.ProcessEnv = {
        ...(location.kind === 'postgres'
          ? { DATABASE_URL: location.url, DATA_DIR: tmp.path }
          : { DATA_DIR: join(location.file, '..') }),
        ...(schema ? { JOBS_SCHEMA: schema } : {}),
        PHOTO_OWNER_ID: OWNER,
        VISION_WORKERS: '1',
        JOB_LEASE_SECONDS: String(LEASE_SECONDS),
        JOB_RETRY_DELAY_SECONDS: '1',
        JOB_POLL_SECONDS: '1',
        LOG_LEVEL: 'info',
      };
      queue = await openJobQueue(location, { logger: silentLogger, schema });
      await queue.send('ingest', { ownerId: OWNER, location: join(tmp.path, 'photos') });

      const first = startWorker(env);
      running.push(first);
      await until(
        'the first worker to hold a vision job',
        async () => (await queue.counts('vision', OWNER)).active > 0,
        120_000,
      );
      const killedWhileHolding = (await queue.counts('vision', OWNER)).active;
      first.child.kill('SIGKILL');
      await new Promise((resolveExit) => first.child.once('exit', resolveExit));
      assert.ok(killedWhileHolding > 0);

      const second = startWorker(env);
      running.push(second);
      await until(
        'every vision job done',
        async () => {
          const counts = await queue.counts('vision', OWNER);
          return counts.queued + counts.active + counts.failed === 0 && visionLines(second).length > 0;
        },
        180_000,
      );
      second.child.kill('SIGTERM');
      const code = await new Promise((resolveExit) => second.child.once('exit', resolveExit));
      assert.equal(code, 0, 'SIGTERM ends the worker cleanly');

      const lines = [...visionLines(first), ...visionLines(second)];
      const analysed = lines
        .filter((line) => line.outcome === 'analysed')
        .map((line) => line.photoId as string);
      assert.equal(analysed.length, 3, JSON.stringify(lines));
      assert.equal(new Set(analysed).size, 3, 'each photo analysed once');
      assert.ok(
        visionLines(second).some((line) => (line.attempt as number) >= 2),
        `the killed worker's job was retried: ${JSON.stringify(visionLines(second))}`,
      );
      assert.equal((await queue.counts('vision', OWNER)).dead, 0);

      const db = openDatabase<LibraryDatabase>(location);
      try {
        const seen = await db.selectFrom('photo_vision').select(['photo_id', 'outcome']).execute();
        assert.deepEqual(
          seen.map((row) => row.outcome),
          ['analysed', 'analysed', 'analysed'],
        );
        const labels = await db
          .selectFrom('photo_label_sources')
          .select('label')
          .where('source', '=', 'vision')
          .execute();
        assert.ok(
          labels.some((row) => row.label === 'dog'),
          'the dog photo is labelled dog',
        );
      } finally {
        await db.destroy();
      }
    });
  });
}
