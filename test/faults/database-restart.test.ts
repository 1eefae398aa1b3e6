import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { sql, type Kysely } from 'kysely';
import { slideshowPageSchema } from '../../common/contracts';
import { openDatabase } from '../../common/database';
import { localStackConfigFromEnv } from '../../server/config';
import { readLocalSecrets } from '../../server/local-secrets';
import { startLocalStack, type LocalStack } from '../../server/local-stack';
import { findDevice } from '../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../tools/alexa-simulator/envelope';
import { loadLanguageModel } from '../../tools/alexa-simulator/interaction-model';
import { intentFromSlotValues } from '../../tools/alexa-simulator/interaction-model-matcher';
import { probeStack, sendToSkill } from '../../tools/alexa-simulator/skill-transport';
import { scratchEngines, type ScratchDatabase } from '../support/scratch-databases';
import { bearer } from '../support/test-credentials';

const TODAY = new Date('2026-11-25T12:00:00Z');

function showBeach(): RequestEnvelope {
  const model = loadLanguageModel('en-US');
  const context = { today: TODAY, applicationId: SIMULATOR_IDENTITY.applicationId, locale: 'en-US' };
  const heard = intentFromSlotValues(model, 'ShowPhotosIntent', { subject: 'beach' }, context);
  return buildRequestEnvelope({ device: findDevice('Echo Show 8'), heard, locale: 'en-US' });
}

function speechOf(envelope: ResponseEnvelope): string {
  const speech = envelope.response.outputSpeech;
  return speech?.type === 'SSML' ? speech.ssml.replace(/<[^>]+>/g, '') : '';
}

/**
 * Issue 12, acceptance 2: PostgreSQL connections terminated mid-traffic. The fault is pg_terminate_backend on this
 * stack's own connections only (tagged with an application_name), never the shared server other tests use.
 */
const postgres = scratchEngines().find((engine) => engine.name === 'PostgreSQL');

describe('fault: the stack’s PostgreSQL connections are terminated mid-traffic', function () {
  this.timeout(180_000);
  let scratch: ScratchDatabase;
  let admin: Kysely<unknown>;
  let stack: LocalStack;
  let dataDir: string;
  const tag = `pf_fault_${randomBytes(4).toString('hex')}`;

  before(async function () {
    if (!postgres) return this.skip();
    scratch = await postgres.create();
    if (scratch.location.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const url = new URL(scratch.location.url);
    url.searchParams.set('application_name', tag);
    admin = openDatabase<unknown>({ kind: 'postgres', url: scratch.location.url });
    dataDir = await mkdtemp(join(tmpdir(), 'pf-fault-'));
    const config = {
      ...localStackConfigFromEnv({}),
      port: 0,
      dataDir,
      databaseUrl: url.toString(),
      logLevel: 'silent' as const,
    };
    stack = await startLocalStack(config, { today: TODAY });
  });

  after(async () => {
    await stack?.close();
    await admin?.destroy();
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const ask = async () => {
    const reply = await sendToSkill(
      `${stack.url}/alexa`,
      showBeach(),
      readLocalSecrets(dataDir)?.simulatorToken,
    );
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body as ResponseEnvelope;
  };

  const page = async (slideshowId: string, start: number) => {
    const response = await fetch(
      `${stack.url}/v1/display/slideshows/${slideshowId}/items?start=${start}&count=5`,
      {
        headers: bearer(stack.ownerToken),
      },
    );
    return { status: response.status, body: await response.json() };
  };

  const terminateOurConnections = async (): Promise<number> => {
    const { rows } = await sql<{ killed: boolean }>`
      select pg_terminate_backend(pid) as killed from pg_stat_activity
      where application_name = ${tag} and pid <> pg_backend_pid()
    `.execute(admin);
    return rows.filter((row) => row.killed).length;
  };

  it('the process survives, pages and the skill answer again, the slideshow is intact', async () => {
    const before = await ask();
    const speech = speechOf(before);
    assert.match(speech, /^Here are \d+ beach photos/);
    const slideshowId = /(ss_[A-Za-z0-9_-]+)/.exec(JSON.stringify(before.response.directives))?.[1];
    assert.ok(slideshowId, 'the answer names its slideshow');
    const firstPage = slideshowPageSchema.parse((await page(slideshowId, 0)).body);

    // 20 page requests in flight while every connection of this stack is terminated.
    const traffic = Array.from({ length: 20 }, (_, i) => page(slideshowId, i % 4));
    const killed = await terminateOurConnections();
    assert.ok(killed > 0, 'the stack had connections to terminate');
    const during = await Promise.all(traffic);
    // Both reads on the way (the bearer check's credential lookup and the display's page read) are retried when
    // their connection dies under them, so a failover costs no request.
    const failed = during.filter(({ status }) => status !== 200);
    assert.deepEqual(
      failed.map(({ status, body }) => `${status} ${JSON.stringify(body)}`),
      [],
      `${failed.length} of 20 failed`,
    );
    for (const { status, body } of during) {
      if (status === 200) assert.equal(slideshowPageSchema.parse(body).slideshowId, slideshowId);
      assert.doesNotMatch(JSON.stringify(body), /terminat|administrator|57P01|127\.0\.0\.1|5432/);
    }

    // The pool reconnects: every request after the fault succeeds and sees the same slideshow.
    for (let start = 0; start < 20; start += 5) {
      const after = await page(slideshowId, start % firstPage.total);
      assert.equal(after.status, 200, JSON.stringify(after.body));
    }
    const again = slideshowPageSchema.parse((await page(slideshowId, 0)).body);
    assert.deepEqual(
      again.items.map((item) => item.photoIds),
      firstPage.items.map((item) => item.photoIds),
    );
    assert.equal(again.total, firstPage.total);
    assert.equal(speechOf(await ask()), speech);
    assert.deepEqual(await probeStack(stack.url), { kind: 'photo-frame' });
    const ready = await fetch(`${stack.url}/readyz`);
    assert.equal(ready.status, 200);
  });
});
