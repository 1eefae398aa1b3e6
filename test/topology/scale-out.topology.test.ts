import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../common/database';
import { deviceRequestEnvelope, intentEnvelope } from '../lambda/helpers/envelopes';
import { visionTestPhotos } from '../metadata-service/vision/vision-test-photos';
import { startS3rver, type TestS3Server } from '../support/s3rver';
import { scratchEngines, type ScratchDatabase } from '../support/scratch-databases';
import { TEST_SERVICE_TOKEN } from '../support/test-credentials';
import { freePort, startTierProcess, until, type TierProcess } from '../support/tier-process';
import { nginxBinary, startNginx, type NginxProxy } from './nginx';
import { runWorkerCommand, startWorker, type WorkerProcess } from './worker-process';

const BUNDLE = join(__dirname, '..', '..', 'build', 'lambda', 'index.js');

type LambdaHandler = (
  event: RequestEnvelope,
  context: unknown,
  callback: (error: Error | null, result?: ResponseEnvelope) => void,
) => void;

/** Every signed rendition URL anywhere in a skill response (APL datasource items, SendIndexListData items). */
function renditionUrls(response: ResponseEnvelope): string[] {
  const found: string[] = [];
  JSON.stringify(response, (_key, value: unknown) => {
    if (typeof value === 'string' && value.includes('/v1/display/renditions/')) found.push(value);
    return value;
  });
  return [...new Set(found)];
}

function listIdOf(response: ResponseEnvelope): string {
  const render = response.response.directives?.find(
    (d) => d.type === 'Alexa.Presentation.APL.RenderDocument',
  ) as { datasources?: { photos?: { listId?: string } } } | undefined;
  const listId = render?.datasources?.photos?.listId;
  assert.ok(listId, `no slideshow in the answer: ${JSON.stringify(response.response).slice(0, 400)}`);
  return listId;
}

/**
 * Issue 14, acceptance 1: the scale-out deployment of the README run for real on one machine. nginx (Debian) in
 * front of two library and two display instances on one PostgreSQL and s3rver, two `npm run worker` processes,
 * and the built Lambda bundle driving it with Echo Show 8 envelopes:
 * - an ingest of a folder in the bucket is shared by both workers and each photo is analysed once, even though one
 *   worker is killed (SIGKILL) in the middle of its work: its job is retried by the other after its lease;
 * - one library and one display instance are killed (SIGKILL) mid-slideshow: no device request (skill envelope or
 *   rendition fetch) fails after one retry, as a device retries.
 * Its own script (`npm run test:topology`), which .ci/run runs: it starts eleven processes.
 */
describe('Scale-out topology: nginx, 2 library + 2 display instances, PostgreSQL, s3rver, 2 queue workers, the Lambda bundle', function () {
  this.timeout(600_000);

  let dir: string;
  let scratch: ScratchDatabase;
  let admin: Kysely<unknown> | undefined;
  let jobsSchema: string;
  let s3: TestS3Server;
  let env: Record<string, string>;
  const libraries: TierProcess[] = [];
  const displays: TierProcess[] = [];
  let proxy: NginxProxy;
  const workers: WorkerProcess[] = [];
  let photoNames: string[];
  let handler: LambdaHandler;

  before(async function () {
    const required = process.env.TOPOLOGY_TESTS_REQUIRED === '1';
    const skip = (reason: string) => {
      if (required) throw new Error(`${reason} (TOPOLOGY_TESTS_REQUIRED=1)`);
      process.stderr.write(`    skipping: ${reason}\n`);
      this.skip();
    };
    const postgres = scratchEngines().find((engine) => engine.name === 'PostgreSQL');
    if (!postgres) return skip('LIBRARY_TEST_DATABASE_URL is not set (PostgreSQL is part of the topology)');
    if (!nginxBinary()) return skip('nginx is not installed (apt-get install -y nginx)');
    if (!existsSync(BUNDLE)) return skip(`${BUNDLE} is missing: run npm run build first`);
    const photos = visionTestPhotos(this);

    dir = await mkdtemp(join(tmpdir(), 'topology-'));
    scratch = await postgres.create();
    jobsSchema = `jobs_${randomBytes(5).toString('hex')}`;
    s3 = await startS3rver(join(dir, 's3'));
    const faces = (await readdir(join(photos.root, 'usr/share/doc/libdlib19.1/examples/faces')))
      .filter((name) => name.endsWith('.jpg'))
      .slice(0, 5)
      .map((name) => photos.dlibFaces(name));
    const files = [
      ...['dog.jpg', 'eagle.jpg', 'giraffe.jpg', 'horses.jpg', 'kite.jpg', 'person.jpg', 'scream.jpg'].map(
        (name) => photos.darknet(name),
      ),
      ...faces,
    ];
    photoNames = files.map((file) => basename(file));
    for (const file of files) await s3.put(`trips/${basename(file)}`, await readFile(file));

    if (scratch.location.kind !== 'postgres') throw new Error('the topology runs on PostgreSQL');
    const proxyPort = await freePort();
    const origin = `http://127.0.0.1:${proxyPort}`;
    env = {
      ...s3.env,
      DATABASE_URL: scratch.location.url,
      SERVICE_TOKENS: TEST_SERVICE_TOKEN,
      PHOTO_OWNER_ID: 'local',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    // One at a time: the first of each tier brings the schema up to date, the second finds it so.
    for (let i = 0; i < 2; i++) {
      libraries.push(
        await startTierProcess({
          main: 'metadata-service/standalone/main.ts',
          env: { ...env, LIBRARY_WORKERS: '1', VISION: 'false' },
          stderr: 'capture',
        }),
      );
    }
    for (let i = 0; i < 2; i++) {
      displays.push(
        await startTierProcess({
          main: 'display-service/standalone/main.ts',
          env: {
            ...env,
            DISPLAY_WORKERS: '1',
            METADATA_SERVICE_URL: origin,
            PUBLIC_BASE_URL: origin,
            RENDITION_SIGNING_KEYS: 'topology-signing-key-0123456789abcdef',
            DISPLAY_RENDITIONS_DIR: join(dir, `renditions-${i}`),
          },
          stderr: 'capture',
        }),
      );
    }
    proxy = await startNginx(
      join(dir, 'nginx'),
      {
        library: libraries.map((l) => `127.0.0.1:${l.port}`),
        display: displays.map((d) => `127.0.0.1:${d.port}`),
      },
      proxyPort,
    );

    // The skill as Lambda runs it: the built bundle, configured by its environment, loaded fresh.
    Object.assign(process.env, {
      DISPLAY_SERVICE_URL: origin,
      METADATA_SERVICE_URL: origin,
      SERVICE_TOKENS: TEST_SERVICE_TOKEN,
      PHOTO_OWNER_ID: 'local',
      PERSISTENCE: 'memory',
      ACCOUNT_LINKING: 'false',
      LOG_LEVEL: 'warn',
    });
    delete require.cache[BUNDLE];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS built outside tsc
    handler = (require(BUNDLE) as { handler: LambdaHandler }).handler;
  });

  after(async () => {
    await Promise.all([...workers.map((w) => w.kill('SIGKILL')), ...libraries.map((l) => l.stop())]);
    await Promise.all(displays.map((d) => d.stop()));
    await proxy?.stop();
    await s3?.stop();
    if (jobsSchema && scratch?.location.kind === 'postgres') {
      admin = openDatabase<unknown>(scratch.location);
      await sql`drop schema if exists ${sql.id(jobsSchema)} cascade`.execute(admin);
      await admin.destroy();
    }
    await scratch?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function invoke(envelope: RequestEnvelope): Promise<ResponseEnvelope> {
    return new Promise((resolve, reject) => {
      handler(envelope, {}, (error, result) =>
        error || !result ? reject(error ?? new Error('no result')) : resolve(result),
      );
    });
  }

  it('shares the ingest of a bucket folder between both workers; a worker killed mid-job loses nothing, and no photo is analysed twice', async () => {
    const workerEnv = {
      ...env,
      VISION: 'true',
      VISION_WORKERS: '1',
      JOBS_SCHEMA: jobsSchema,
      JOB_LEASE_SECONDS: '45',
      JOB_RETRY_DELAY_SECONDS: '1',
      JOB_POLL_SECONDS: '1',
    };
    workers.push(startWorker('worker-a', workerEnv), startWorker('worker-b', workerEnv));
    const [a, b] = workers as [WorkerProcess, WorkerProcess];
    const logs = () => `worker A: ${a.log().slice(-3000)}\nworker B: ${b.log().slice(-3000)}`;
    const queued = await runWorkerCommand(['--enqueue', 's3://photos/trips', '--owner', 'local'], workerEnv);
    assert.match(queued, /queued ingest/);

    // The first worker to finish a photo is killed just after it, while the folder still has photos waiting: it
    // holds its next job (or has not yet recorded the one it finished), which only a retry after its lease can
    // finish. Whichever of the two it is: either may have taken the ingest job and the first vision jobs.
    const first = await Promise.race([
      a.nextAnalysed().then(() => ({ killed: a, survivor: b })),
      b.nextAnalysed().then(() => ({ killed: b, survivor: a })),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no photo analysed within 240 s\n${logs()}`)), 240_000),
      ),
    ]);
    const { killed, survivor } = first;
    await new Promise((resolve) => setTimeout(resolve, 250));
    await killed.kill('SIGKILL');
    const analysedByKilled = killed.visionJobs.filter((job) => job.outcome === 'analysed');

    const analysed = () => [...a.visionJobs, ...b.visionJobs].filter((job) => job.outcome === 'analysed');
    await until(
      `all ${photoNames.length} photos analysed`,
      () =>
        Promise.resolve(
          new Set(analysed().map((job) => job.photoId)).size >= photoNames.length ? true : undefined,
        ),
      { timeoutMs: 240_000, intervalMs: 1000 },
    ).catch((error: unknown) => {
      throw new Error(
        `${String(error)} (${new Set(analysed().map((j) => j.photoId)).size} so far)\n${logs()}`,
      );
    });
    const db = openDatabase<{ photos: { owner_id: string; id: string } }>(scratch.location);
    try {
      const stored = await db.selectFrom('photos').select('id').where('owner_id', '=', 'local').execute();
      assert.equal(stored.length, photoNames.length, 'every photo of the folder indexed once');
    } finally {
      await db.destroy();
    }
    const perPhoto = new Map<string, number>();
    for (const job of analysed()) perPhoto.set(job.photoId, (perPhoto.get(job.photoId) ?? 0) + 1);
    assert.deepEqual(
      [...perPhoto.entries()].filter(([, times]) => times > 1),
      [],
      `no photo analysed twice: ${JSON.stringify(analysed())}`,
    );
    assert.equal(perPhoto.size, photoNames.length);
    assert.ok(analysedByKilled.length >= 1, `${killed.name} took part before it was killed`);
    assert.ok(
      survivor.visionJobs.some((job) => job.outcome === 'analysed'),
      `${survivor.name} took part: ${logs()}`,
    );
    assert.ok(
      survivor.visionJobs.some((job) => job.attempt >= 2),
      `the job ${killed.name} held was retried by ${survivor.name}: ${JSON.stringify(survivor.visionJobs)}`,
    );
    // Its work done, the survivor stops as a scaled-down worker would (SIGTERM), leaving the machine to the tiers.
    await survivor.kill('SIGTERM');
    assert.equal(survivor.child.exitCode, 0, `${survivor.name} exits cleanly on SIGTERM: ${logs()}`);
  });

  it('keeps an Echo Show slideshow going when one library and one display instance are killed mid-slideshow', async () => {
    const failedOnce: string[] = [];
    const failedTwice: string[] = [];
    // A device's request: tried again once when it fails (a status above 499 or no answer), as devices do.
    async function deviceTry<T>(what: string, attempt: () => Promise<T>): Promise<T | undefined> {
      for (let tries = 1; ; tries++) {
        try {
          return await attempt();
        } catch (error) {
          if (tries === 2) {
            failedTwice.push(`${what}: ${String(error)}`);
            return undefined;
          }
          failedOnce.push(`${what}: ${String(error)}`);
        }
      }
    }
    const fetchRendition = (url: string) =>
      deviceTry(`GET ${new URL(url).pathname}`, async () => {
        const answer = await fetch(url, { headers: { accept: 'image/jpeg' } });
        const body = Buffer.from(await answer.arrayBuffer());
        if (answer.status !== 200) throw new Error(`${answer.status} ${body.toString('utf8', 0, 200)}`);
        assert.equal(answer.headers.get('content-type'), 'image/jpeg');
        return body.length;
      });
    const skill = (what: string, envelope: () => RequestEnvelope) =>
      deviceTry(what, async () => {
        const response = await invoke(envelope());
        const speech = JSON.stringify(response.response.outputSpeech ?? '');
        if (/sorry|trouble|try again/i.test(speech)) throw new Error(`the skill apologised: ${speech}`);
        return response;
      });

    const shown = await skill('ShowPhotosIntent', () =>
      intentEnvelope('ShowPhotosIntent', {}, 'Echo Show 8'),
    );
    assert.ok(
      shown,
      `the first request failed: ${failedTwice.join('; ')}\nnginx: ${proxy.accessLog().slice(-1500)}\n` +
        `display: ${displays.map((d) => d.stderr().slice(-1500)).join('\n')}\n` +
        `library: ${libraries.map((l) => l.stderr().slice(-1500)).join('\n')}`,
    );
    const listId = listIdOf(shown);
    const firstPage = renditionUrls(shown);
    assert.ok(firstPage.length >= 3, `the first page holds renditions: ${firstPage.length}`);

    // The device loads the first page while one instance of each tier dies under it.
    const loading = Promise.all(firstPage.map((url) => fetchRendition(url)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    libraries[0]!.child.kill('SIGKILL');
    displays[0]!.child.kill('SIGKILL');
    const sizes = await loading;
    assert.ok(sizes.every((size) => size !== undefined && size > 1000));

    // The next page, asked for by the device after the kills, and a new request by voice.
    const paged = await skill('LoadIndexListData', () =>
      deviceRequestEnvelope(
        {
          type: 'Alexa.Presentation.APL.LoadIndexListData',
          token: 'photo-slideshow',
          correlationToken: 'topology',
          listId,
          startIndex: 0,
          count: photoNames.length,
        },
        'Echo Show 8',
      ),
    );
    assert.ok(paged, `paging failed: ${failedTwice.join('; ')}`);
    const again = await skill('ShowPhotosIntent again', () =>
      intentEnvelope('ShowPhotosIntent', {}, 'Echo Show 8'),
    );
    assert.ok(again, `the second request failed: ${failedTwice.join('; ')}`);
    const after = [...new Set([...renditionUrls(paged), ...renditionUrls(again)])];
    assert.ok(after.length > firstPage.length, 'more renditions to load after the kills');
    for (const url of after) await fetchRendition(url);

    assert.deepEqual(failedTwice, [], 'no device request failed after a retry');
    const served = proxy.accessLog();
    for (const display of displays) {
      assert.ok(served.includes(`127.0.0.1:${display.port}`), `display ${display.port} served requests`);
    }
    process.stdout.write(
      `      ${firstPage.length + after.length} renditions and 3 skill requests through nginx; ${failedOnce.length} failed once and succeeded on the retry\n`,
    );
  });
});
