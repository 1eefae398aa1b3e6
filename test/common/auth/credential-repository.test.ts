import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { hashToken } from '../../../common/auth/tokens';
import { openDatabase } from '../../../common/database';
import { scratchEngines, type ScratchDatabase } from '../../support/scratch-databases';
import { openTestCredentials } from '../../support/test-credentials';
import type { CredentialRepository } from '../../../common/auth/credential-repository';

for (const engine of scratchEngines()) {
  describe(`credential repository on ${engine.name}`, () => {
    let database: ScratchDatabase;
    let credentials: CredentialRepository;
    let close: () => Promise<void>;

    beforeEach(async () => {
      database = await engine.create();
      ({ credentials, close } = await openTestCredentials(database.location));
    });
    afterEach(async () => {
      await close();
      await database.drop();
    });

    it('stores only the hash of a 256-bit token, and verifies the token to its owner and scopes', async () => {
      const { token, credential } = await credentials.create({
        ownerId: 'anna',
        scopes: ['display', 'display', 'library:read'],
        label: 'kitchen tablet',
      });
      assert.match(token, /^pf_[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(credential.scopes, ['display', 'library:read']);
      const db = openDatabase<unknown>(database.location);
      try {
        const { rows } = await sql<{ token_hash: string }>`select token_hash from credentials`.execute(db);
        assert.deepEqual(
          rows.map((r) => r.token_hash),
          [hashToken(token)],
        );
        assert.ok(!JSON.stringify(rows).includes(token.slice(3)));
      } finally {
        await db.destroy();
      }
      assert.deepEqual(await credentials.verify(token), {
        kind: 'person',
        ownerId: 'anna',
        credentialId: credential.id,
        scopes: ['display', 'library:read'],
      });
      // One character different (a fixed replacement would be the token itself one time in 64).
      const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      assert.equal(await credentials.verify(tampered), undefined);
    });

    it('revokes at once (once), lists revoked ones too, and filters by owner', async () => {
      const anna = await credentials.create({ ownerId: 'anna', scopes: ['owner'], label: 'a' });
      const ben = await credentials.create({ ownerId: 'ben', scopes: ['owner'], label: 'b' });
      assert.equal(await credentials.isActive(anna.credential.id), true);
      assert.equal(await credentials.revoke(anna.credential.id), true);
      assert.equal(await credentials.revoke(anna.credential.id), false);
      assert.equal(await credentials.revoke('cred_unknown'), false);
      assert.equal(await credentials.verify(anna.token), undefined);
      assert.equal(await credentials.isActive(anna.credential.id), false);
      assert.ok((await credentials.verify(ben.token)) !== undefined);
      // Both are created in the same millisecond at times, and then the order between them is the random id's.
      const all = (await credentials.list()).sort((a, b) => a.ownerId.localeCompare(b.ownerId));
      assert.deepEqual(
        all.map((c) => [c.ownerId, c.revokedAt === null]),
        [
          ['anna', false],
          ['ben', true],
        ],
      );
      assert.deepEqual(
        (await credentials.list('ben')).map((c) => c.id),
        [ben.credential.id],
      );
    });

    it('a scope this version does not know grants nothing', async () => {
      const { token, credential } = await credentials.create({
        ownerId: 'anna',
        scopes: ['display'],
        label: 'x',
      });
      const db = openDatabase<unknown>(database.location);
      try {
        await sql`update credentials set scopes = ${'admin,display'} where id = ${credential.id}`.execute(db);
      } finally {
        await db.destroy();
      }
      assert.deepEqual((await credentials.verify(token))?.scopes, ['display']);
    });
  });
}
