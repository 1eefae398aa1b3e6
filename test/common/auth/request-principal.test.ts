import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { PersonCredentialVerifier, PersonPrincipal } from '../../../common/auth/authenticator';
import {
  authenticateRequests,
  ownerFor,
  requireAuthentication,
} from '../../../common/auth/request-principal';
import type { CredentialScope, RequiredScope } from '../../../common/auth/scopes';
import { errorMiddleware } from '../../../common/http/error-middleware';
import { createLogger } from '../../../common/logger';
import { SERVICE_AUTH, bearer, testAuthenticator } from '../../support/test-credentials';

/** Person credentials by token, as the credentials table would answer. */
class KnownPeople implements PersonCredentialVerifier {
  constructor(private readonly people: Record<string, PersonPrincipal>) {}
  verify(token: string): Promise<PersonPrincipal | undefined> {
    return Promise.resolve(this.people[token]);
  }
  isActive(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

const token = (name: string) => `pf_${name.padEnd(43, 'x')}`;
const person = (ownerId: string, scopes: CredentialScope[]): PersonPrincipal => ({
  kind: 'person',
  ownerId,
  credentialId: `cred_${ownerId}`,
  scopes,
});

describe('request principal: who may act for which owner', () => {
  let server: Server;
  let base: string;

  before(async () => {
    const app = express();
    app.use(express.json());
    app.use(
      authenticateRequests(
        testAuthenticator(
          new KnownPeople({
            [token('alice')]: person('alice', ['owner']),
            [token('reader')]: person('alice', ['library:read']),
            [token('writer')]: person('alice', ['library:write']),
            [token('frame')]: person('alice', ['display']),
          }),
        ),
      ),
    );
    app.use(requireAuthentication);
    app.post('/as/:scope', (req, res) => {
      const claimed = (req.body as { ownerId?: string }).ownerId;
      res.json({ owner: ownerFor(req, req.params.scope as RequiredScope, claimed) });
    });
    app.use(errorMiddleware(createLogger('silent')));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function ask(scope: string, headers: Record<string, string>, body: object = {}): Promise<string> {
    const response = await fetch(`${base}/as/${scope}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { owner?: string; error?: { code: string } };
    return `${response.status} ${json.owner ?? json.error?.code}`;
  }

  it("a person's credential acts for its own owner; another owner in the header or the body is 403", async () => {
    assert.equal(await ask('library:read', bearer(token('alice'))), '200 alice');
    assert.equal(
      await ask('library:read', { ...bearer(token('alice')), 'x-photo-owner': 'alice' }),
      '200 alice',
    );
    assert.equal(
      await ask('library:read', { ...bearer(token('alice')), 'x-photo-owner': 'bob' }),
      '403 OWNER_FORBIDDEN',
    );
    assert.equal(await ask('display', bearer(token('alice')), { ownerId: 'bob' }), '403 OWNER_FORBIDDEN');
  });

  it('scopes: write includes read, display is only display, owner is everything', async () => {
    assert.equal(await ask('library:read', bearer(token('writer'))), '200 alice');
    assert.equal(await ask('library:write', bearer(token('reader'))), '403 SCOPE_FORBIDDEN');
    assert.equal(await ask('library:read', bearer(token('frame'))), '403 SCOPE_FORBIDDEN');
    assert.equal(await ask('display', bearer(token('frame'))), '200 alice');
    assert.equal(await ask('library:write', bearer(token('alice'))), '200 alice');
  });

  it('a service acts for the owner it names, in the header or the body, and they must agree', async () => {
    assert.equal(await ask('library:write', { ...SERVICE_AUTH, 'x-photo-owner': 'bob' }), '200 bob');
    assert.equal(await ask('display', SERVICE_AUTH, { ownerId: 'carol' }), '200 carol');
    assert.equal(
      await ask('display', { ...SERVICE_AUTH, 'x-photo-owner': 'bob' }, { ownerId: 'carol' }),
      '403 OWNER_MISMATCH',
    );
    assert.equal(await ask('display', SERVICE_AUTH), '400 OWNER_HEADER_REQUIRED');
    assert.equal(await ask('display', { ...SERVICE_AUTH, 'x-photo-owner': '../etc' }), '400 INVALID_OWNER');
  });

  it('no credential is 401 AUTH_REQUIRED; a wrong, unknown or malformed one 401 AUTH_INVALID', async () => {
    assert.equal(await ask('display', { 'x-photo-owner': 'bob' }), '401 AUTH_REQUIRED');
    for (const authorization of [
      `Bearer ${token('mallory')}`,
      'Bearer service-token-that-nobody-configured-0123456789',
      'Bearer',
      'Basic YWxpY2U6YWxpY2U=',
      `Bearer ${token('alice')} extra`,
    ]) {
      assert.equal(
        await ask('display', { authorization, 'x-photo-owner': 'bob' }),
        '401 AUTH_INVALID',
        authorization,
      );
    }
  });
});
