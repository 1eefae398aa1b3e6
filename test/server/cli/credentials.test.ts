import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCredentialsCli } from '../../../server/cli/credentials';

describe('npm run credentials', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photoframe-credentials-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function run(...argv: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const code = await runCredentialsCli(argv, { DATA_DIR: dir }, { out: (text) => lines.push(text) });
    return { code, out: lines.join('\n') };
  }

  it('creates a credential (token shown once), lists it without the token, and revokes it', async () => {
    const created = await run(
      'create',
      '--owner',
      'anna',
      '--scope',
      'display',
      '--scope',
      'library:read',
      '--label',
      'hall',
    );
    assert.equal(created.code, 0);
    const token = /^(pf_[A-Za-z0-9_-]{43})$/m.exec(created.out)?.[1] ?? assert.fail(created.out);
    const id = /^Created (cred_[A-Za-z0-9_-]+) for owner anna \(display, library:read\)\./.exec(
      created.out,
    )?.[1];
    assert.ok(id, created.out);

    const listed = await run('list', '--owner', 'anna');
    assert.equal(listed.code, 0);
    assert.match(
      listed.out,
      new RegExp(`^${id}  owner=anna  scopes=display,library:read  created \\S+  active  "hall"$`),
    );
    assert.ok(!listed.out.includes(token));

    assert.deepEqual(await run('revoke', id), { code: 0, out: `Revoked ${id}.` });
    assert.deepEqual(await run('revoke', id), { code: 1, out: `No active credential ${id}.` });
    const json = JSON.parse((await run('list', '--json')).out) as { id: string; revokedAt: string | null }[];
    assert.equal(json.length, 1);
    assert.ok(json[0]?.revokedAt);
  });

  it('defaults to a full credential for PHOTO_OWNER_ID', async () => {
    const created = await run('create', '--json');
    const { credential } = JSON.parse(created.out) as { credential: { ownerId: string; scopes: string[] } };
    assert.deepEqual([credential.ownerId, credential.scopes], ['local', ['owner']]);
  });

  it('refuses unknown scopes and commands with the usage (exit 2)', async () => {
    const badScope = await run('create', '--scope', 'admin');
    assert.equal(badScope.code, 2);
    assert.match(badScope.out, /--scopes: Invalid option/);
    assert.match(badScope.out, /^Usage: npm run credentials/m);
    assert.equal((await run('rotate')).code, 2);
    assert.equal((await run('revoke')).code, 2);
  });
});
