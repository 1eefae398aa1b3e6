import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createLogger } from '../../common/logger';
import { createDisplay, type Display } from '../../display-service/display';
import { describeOnEachEngine, type TestDatabase } from '../display-service/helpers/display-engines';
import { TEST_SIGNING_KEY } from '../display-service/helpers/display-harness';
import { fakeSummary } from '../display-service/helpers/image-fixtures';
import { InMemoryLibrary } from '../display-service/helpers/in-memory-library';
import { SERVICE_AUTH, authenticateV1 } from '../support/test-credentials';

const VICTIM = 'victim';
const CONCURRENT = 200;
/** The display's defaults: wrong codes per owner, and per code value, in a 10-minute window. */
const PER_OWNER = 5;
const PER_CODE = 5;

/**
 * Frame-link guessing under load (issue 12): concurrent wrong codes never get more attempts past the check than the
 * limit on either engine, and one owner's guessing (or many invented owners') never locks anyone else out.
 */
describeOnEachEngine('trust: frame-link guessing', (engine) => {
  let database: TestDatabase;
  let dir: string;
  let display: Display;
  let server: Server;
  let url: string;

  beforeEach(async () => {
    database = await engine.open();
    dir = await mkdtemp(join(tmpdir(), 'photoframe-guessing-'));
    const library = new InMemoryLibrary();
    library.add(VICTIM, fakeSummary('victim_1', '2024-05-01T10:00:00'));
    const app = express();
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    display = await createDisplay({
      database: database.location,
      library,
      renditionsDir: join(dir, 'renditions'),
      publicBaseUrl: url,
      signingKey: TEST_SIGNING_KEY,
      urlTtlSeconds: 3600,
      logger: createLogger('silent'),
      frame: { accounts: true, ownerId: 'local' },
    });
    authenticateV1(app);
    app.use('/v1/display', display.router);
    app.use('/frame', display.frameRouter);
  });
  afterEach(async () => {
    await display.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
    await database.cleanup();
  });

  /** A new unlinked frame's code. */
  async function frameCode(): Promise<string> {
    const response = await fetch(`${url}/frame/api/session`, { method: 'POST' });
    return String(((await response.json()) as { code: string }).code);
  }

  /** A tier acting for `owner` enters `code`; answers "status CODE". */
  async function link(owner: string, code: string): Promise<string> {
    const response = await fetch(`${url}/v1/display/frames/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...SERVICE_AUTH, 'x-photo-owner': owner },
      body: JSON.stringify({ code }),
    });
    const body = (await response.json()) as { error?: { code: string }; ownerId?: string };
    return response.ok ? `${response.status} ${body.ownerId}` : `${response.status} ${body.error?.code}`;
  }

  function tally(answers: string[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
    return counts;
  }

  function wrongCodes(except: string, count: number): string[] {
    const codes: string[] = [];
    for (let n = 0; codes.length < count; n++) {
      const code = String(n).padStart(4, '0');
      if (code !== except) codes.push(code);
    }
    return codes;
  }

  it(`${CONCURRENT} concurrent wrong codes from one owner: at most ${PER_OWNER} get past the limit, and the victim still links`, async () => {
    const victimCode = await frameCode();
    const answers = await Promise.all(
      wrongCodes(victimCode, CONCURRENT).map((code) => link('attacker', code)),
    );
    const counts = tally(answers);
    assert.deepEqual(counts, {
      '404 FRAME_CODE_INVALID': PER_OWNER,
      '429 FRAME_LINK_RATE_LIMITED': CONCURRENT - PER_OWNER,
    });
    // Even the right code is refused to the attacker now; the victim is not held up.
    assert.equal(await link('attacker', victimCode), '429 FRAME_LINK_RATE_LIMITED');
    assert.equal(await link(VICTIM, victimCode), `200 ${VICTIM}`);
  });

  it(`${CONCURRENT} concurrent guesses at one code from ${CONCURRENT} invented owners: at most ${PER_CODE} get past, and nobody else is locked out`, async () => {
    const victimCode = await frameCode();
    const [target] = wrongCodes(victimCode, 1);
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => link(`invented-${i}`, target ?? '0000')),
    );
    assert.deepEqual(tally(answers), {
      '404 FRAME_CODE_INVALID': PER_CODE,
      '429 FRAME_LINK_RATE_LIMITED': CONCURRENT - PER_CODE,
    });
    assert.equal(await link(VICTIM, victimCode), `200 ${VICTIM}`);
  });

  it('thirty invented owners guessing (no global limit) never lock another owner out of linking', async () => {
    const victimCode = await frameCode();
    const guesses = wrongCodes(victimCode, 30 * PER_OWNER);
    const answers = await Promise.all(guesses.map((code, i) => link(`invented-${i % 30}`, code)));
    assert.deepEqual(tally(answers), { '404 FRAME_CODE_INVALID': 30 * PER_OWNER });
    assert.equal(await link(VICTIM, victimCode), `200 ${VICTIM}`);
    // A second frame, a second owner: still open.
    assert.equal(await link('neighbour', await frameCode()), '200 neighbour');
  });
});
