import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDisplayHttpClient } from '../../../common/clients/display-client';
import { createLibraryHttpClient } from '../../../common/clients/library-client';
import { intentEnvelope } from '../helpers/envelopes';
import { skillHarness, speechOf } from '../helpers/skill-harness';

const UNAVAILABLE = "Sorry, I can't reach your photo library right now. Please try again in a moment.";
const UNAVAILABLE_DE =
  'Entschuldige, ich erreiche deine Fotobibliothek gerade nicht. Bitte versuch es gleich noch einmal.';

/** A real HTTP server standing where the library and display would be, answering as `answer` says. */
async function upstream(answer: 'hang' | { status: number; code: string; message: string }): Promise<Server> {
  const server = createServer((_req, res) => {
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: answer.code, message: answer.message } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function skillAgainst(server: Server, timeoutMs = 2500) {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return skillHarness(undefined, undefined, {
    library: createLibraryHttpClient(`${origin}/v1/library`, { timeoutMs }),
    display: createDisplayHttpClient(`${origin}/v1/display`, { timeoutMs }),
  });
}

function showBeach(locale = 'en-US') {
  const envelope = intentEnvelope('ShowPhotosIntent', { subject: { value: 'beach' } });
  envelope.request.locale = locale;
  return envelope;
}

describe('error handler: a library or database that is down', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('503 from the library (its database is down): the spoken apology, no internal detail, in both languages', async () => {
    const server = await upstream({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'db.internal:5432 refused',
    });
    servers.push(server);
    const english = await skillAgainst(server).invoke(showBeach());
    assert.equal(speechOf(english), UNAVAILABLE);
    assert.equal(english.response.shouldEndSession, true);
    assert.doesNotMatch(JSON.stringify(english), /db\.internal|DATABASE_UNAVAILABLE|5432/);
    assert.equal(speechOf(await skillAgainst(server).invoke(showBeach('de-DE'))), UNAVAILABLE_DE);
  });

  it('a library that never answers: the apology within 3 s', async () => {
    const server = await upstream('hang');
    servers.push(server);
    const started = Date.now();
    const response = await skillAgainst(server).invoke(showBeach());
    assert.equal(speechOf(response), UNAVAILABLE);
    assert.ok(Date.now() - started < 3000, `answered after ${Date.now() - started} ms`);
  });

  it('a 500 (a bug, not an outage) keeps the general apology', async () => {
    const server = await upstream({ status: 500, code: 'INTERNAL', message: 'TypeError at line 3' });
    servers.push(server);
    const response = await skillAgainst(server).invoke(showBeach());
    assert.equal(
      speechOf(response),
      "Sorry, I'm having trouble getting your photos right now. Please try again in a moment.",
    );
    assert.doesNotMatch(JSON.stringify(response), /TypeError/);
  });
});
