import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadOrCreateLocalSecrets,
  localSecretsFile,
  readLocalSecrets,
  updateLocalSecrets,
} from '../../server/local-secrets';

describe('server/local-secrets', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photoframe-secrets-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates every secret once, readable by this user only, and answers the same ones after', () => {
    const created = loadOrCreateLocalSecrets(dir);
    assert.equal(statSync(localSecretsFile(dir)).mode & 0o777, 0o600);
    for (const value of [
      created.renditionSigningKey,
      created.simulatorToken,
      created.serviceToken,
      created.sessionKey,
    ]) {
      assert.match(value, /^[A-Za-z0-9_-]{43}$/);
    }
    assert.equal(new Set([created.serviceToken, created.sessionKey, created.simulatorToken]).size, 3);
    assert.deepEqual(loadOrCreateLocalSecrets(dir), created);
  });

  it('extends a file an older version wrote, keeping its keys and keys it does not know', () => {
    const old = { renditionSigningKey: 'r'.repeat(43), simulatorToken: 's'.repeat(43), futureKey: 42 };
    writeFileSync(localSecretsFile(dir), JSON.stringify(old), { mode: 0o600 });
    const secrets = loadOrCreateLocalSecrets(dir);
    assert.equal(secrets.renditionSigningKey, old.renditionSigningKey);
    assert.equal(secrets.simulatorToken, old.simulatorToken);
    assert.match(secrets.serviceToken, /^[A-Za-z0-9_-]{43}$/);
    const onDisk = JSON.parse(readFileSync(localSecretsFile(dir), 'utf8')) as Record<string, unknown>;
    assert.equal(onDisk.futureKey, 42);
    assert.equal(onDisk.serviceToken, secrets.serviceToken);
    assert.equal(statSync(localSecretsFile(dir)).mode & 0o777, 0o600);
  });

  it('sets the owner token without touching the other keys', () => {
    const created = loadOrCreateLocalSecrets(dir);
    updateLocalSecrets(dir, { ownerToken: `pf_${'o'.repeat(43)}` });
    assert.deepEqual(readLocalSecrets(dir), { ...created, ownerToken: `pf_${'o'.repeat(43)}` });
    assert.equal(statSync(localSecretsFile(dir)).mode & 0o777, 0o600);
  });

  it('refuses a corrupt file, naming it', () => {
    writeFileSync(localSecretsFile(dir), '{"renditionSigningKey": 1', { mode: 0o600 });
    assert.throws(() => loadOrCreateLocalSecrets(dir), /local-secrets\.json is corrupt/);
  });
});
