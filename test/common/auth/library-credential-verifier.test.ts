import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { LibraryCredentialVerifier } from '../../../common/auth/library-credential-verifier';
import { createLogger } from '../../../common/logger';
import { createLibrary, type Library } from '../../../metadata-service/library';
import { TEST_SERVICE_TOKEN, authenticateV1, bearer } from '../../support/test-credentials';

describe('LibraryCredentialVerifier: person credentials checked by the library tier', function () {
  this.timeout(30_000);
  let dir: string;
  let library: Library;
  let server: Server;
  let libraryUrl: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pf-credential-verifier-'));
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(dir, 'library.sqlite') },
      logger: createLogger('silent'),
    });
    const app = express();
    authenticateV1(app, library.credentials);
    app.use('/v1/library', library.router);
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    libraryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("says whether a sign-in session's credential is still active, asking with the tier's service credential", async () => {
    const { token, credential } = await library.credentials.create({
      ownerId: 'local',
      scopes: ['display'],
      label: 'verifier test',
    });
    const clock = { now: 1_000_000 };
    const verifier = new LibraryCredentialVerifier(libraryUrl, () => clock.now, TEST_SERVICE_TOKEN);
    assert.equal((await verifier.verify(token))?.credentialId, credential.id);
    assert.equal(await verifier.isActive(credential.id), true);
    assert.equal(await verifier.isActive('cr_never_issued'), false);

    await library.credentials.revoke(credential.id);
    // Kept 30 s, then the library's answer: revoked.
    assert.equal(await verifier.isActive(credential.id), true);
    clock.now += 31_000;
    assert.equal(await verifier.isActive(credential.id), false);
    // Without a service credential nothing is ever active (no session can be trusted).
    assert.equal(await new LibraryCredentialVerifier(libraryUrl).isActive(credential.id), false);
  });

  it('answers GET /credentials/{id}/active to tiers only: a person credential is refused (403)', async () => {
    const { token, credential } = await library.credentials.create({
      ownerId: 'local',
      scopes: ['owner'],
      label: 'nosy person',
    });
    const url = `${libraryUrl}/v1/library/credentials/${credential.id}/active`;
    const asPerson = await fetch(url, { headers: bearer(token) });
    assert.equal(asPerson.status, 403);
    assert.equal(((await asPerson.json()) as { error: { code: string } }).error.code, 'SCOPE_FORBIDDEN');
    assert.equal((await fetch(url)).status, 401);
    const asTier = await fetch(url, { headers: bearer(TEST_SERVICE_TOKEN) });
    assert.deepEqual(await asTier.json(), { active: true });
  });
});
