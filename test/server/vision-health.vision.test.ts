import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchResponseSchema } from '../../common/contracts';
import { localStackConfigFromEnv } from '../../server/config';
import { readLocalSecrets } from '../../server/local-secrets';
import { startLocalStack, type LocalStack } from '../../server/local-stack';
import { visionTestPhotos } from '../metadata-service/vision/vision-test-photos';

interface Health {
  status: string;
  ingest: { state: string; done: number; total: number };
  vision: { state: string; done: number; total: number; photosPerSecond: number | null; reason?: string };
}

/*
 * Issue 13 item 6 on the real stack: /healthz reports vision apart from the ingest, so a user can tell when labels
 * and people are ready. Three real photos (darknet, a dlib face chip), the default local vision provider.
 */
describe('/healthz reports vision progress apart from the ingest (local stack, real vision)', function () {
  this.timeout(180_000);
  let root: string;
  let stack: LocalStack | undefined;

  afterEach(async () => {
    await stack?.close();
    stack = undefined;
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('goes running (0 of 3 while models load) to done 3 of 3 with a rate, while the ingest keeps its file counts', async function () {
    const photos = visionTestPhotos(this);
    root = await mkdtemp(join(tmpdir(), 'photoframe-vision-health-'));
    const photosDir = join(root, 'photos');
    await mkdir(photosDir);
    await copyFile(photos.darknet('dog.jpg'), join(photosDir, 'dog.jpg'));
    await copyFile(photos.darknet('horses.jpg'), join(photosDir, 'horses.jpg'));
    const john = join(photos.johns, 'John_Simm');
    const [chip] = (await readdir(john)).sort();
    await copyFile(join(john, chip ?? ''), join(photosDir, 'john.jpg'));
    const dataDir = join(root, 'data');
    const config = {
      ...localStackConfigFromEnv({}),
      port: 0,
      dataDir,
      photosDir,
      logLevel: 'silent' as const,
    };
    assert.ok(config.vision, 'vision is on by default for a real PHOTOS_DIR');
    stack = await startLocalStack(config);
    const url = stack.url;

    const seen: Health[] = [];
    const deadline = Date.now() + 150_000;
    for (;;) {
      const response = await fetch(`${url}/healthz`);
      assert.equal(response.status, 200);
      const health = (await response.json()) as Health;
      seen.push(health);
      if (health.vision.state === 'done' || health.vision.state === 'failed') break;
      assert.ok(Date.now() < deadline, `vision never finished: ${JSON.stringify(health)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const last = seen[seen.length - 1];
    assert.ok(last);
    assert.equal(last.vision.state, 'done', JSON.stringify(last.vision));
    assert.deepEqual([last.vision.done, last.vision.total], [3, 3]);
    assert.ok(last.vision.photosPerSecond !== null && last.vision.photosPerSecond > 0);
    // The ingest's own counts are files read, never overwritten by vision's.
    assert.deepEqual(last.ingest, { state: 'done', done: 3, total: 3 });
    assert.equal(last.status, 'ok');

    const states = seen.map((h) => h.vision.state);
    assert.ok(states.includes('running'), `vision was seen running: ${states.join(',')}`);
    for (const health of seen) {
      assert.ok(['idle', 'running', 'done'].includes(health.vision.state), health.vision.state);
      assert.ok(health.vision.done <= health.vision.total || health.vision.total === 0);
      if (health.vision.state === 'running') assert.equal(health.vision.total, 3);
    }

    // 'done' means labels are there: the dog is found by search now.
    const token = readLocalSecrets(dataDir)?.ownerToken;
    assert.ok(token);
    const search = await fetch(`${url}/v1/library/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: { labels: ['dog'] } }),
    });
    assert.equal(search.status, 200);
    const found = searchResponseSchema.parse(await search.json());
    assert.deepEqual(
      found.photos.map((p) => p.source.path),
      ['dog.jpg'],
    );
  });
});
