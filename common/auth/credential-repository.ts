import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PersonCredentialVerifier, PersonPrincipal } from './authenticator';
import type { CredentialDatabase, CredentialsTable } from './credential-schema';
import { credentialScopeSchema, type CredentialScope } from './scopes';
import { hashToken, newPersonToken } from './tokens';
import { flushCommitsToDisk } from '../database';
import { retryOnConnectionLoss } from '../retry-on-connection-loss';

/** A credential as listed: never its token, which only exists in the answer to `create`. */
export interface CredentialInfo {
  id: string;
  ownerId: string;
  scopes: CredentialScope[];
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewCredential {
  ownerId: string;
  scopes: readonly CredentialScope[];
  label: string;
}

/** Person credentials in the library's database: created, listed, revoked, verified by the hash of the token. */
export class CredentialRepository implements PersonCredentialVerifier {
  constructor(
    private readonly db: Kysely<CredentialDatabase>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a credential and answers its token: the only time the token is seen. */
  async create(request: NewCredential): Promise<{ token: string; credential: CredentialInfo }> {
    const token = newPersonToken();
    const row: CredentialsTable = {
      id: `cred_${randomBytes(9).toString('base64url')}`,
      owner_id: request.ownerId,
      token_hash: hashToken(token),
      scopes: [...new Set(request.scopes)].join(','),
      label: request.label,
      created_at: new Date(this.now()).toISOString(),
      revoked_at: null,
    };
    await this.db.insertInto('credentials').values(row).execute();
    await flushCommitsToDisk(this.db);
    return { token, credential: toInfo(row) };
  }

  async list(ownerId?: string): Promise<CredentialInfo[]> {
    let query = this.db.selectFrom('credentials').selectAll().orderBy('created_at').orderBy('id');
    if (ownerId !== undefined) query = query.where('owner_id', '=', ownerId);
    return (await query.execute()).map(toInfo);
  }

  /** Revokes at once; answers false for an unknown or already revoked id. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('credentials')
      .set({ revoked_at: new Date(this.now()).toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await flushCommitsToDisk(this.db);
    return Number(result.numUpdatedRows) === 1;
  }

  async verify(token: string): Promise<PersonPrincipal | undefined> {
    // Every request checks its token: a failover must not turn a request into an error, so the read is retried.
    const row = await retryOnConnectionLoss(() =>
      this.db
        .selectFrom('credentials')
        .selectAll()
        .where('token_hash', '=', hashToken(token))
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),
    );
    if (!row) return undefined;
    const info = toInfo(row);
    return { kind: 'person', ownerId: info.ownerId, credentialId: info.id, scopes: info.scopes };
  }

  async isActive(credentialId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('credentials')
      .select('id')
      .where('id', '=', credentialId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The first active full-owner credential with this label (the embedded stack's own), if any. */
  async findActiveByLabel(ownerId: string, label: string): Promise<CredentialInfo | undefined> {
    const row = await this.db
      .selectFrom('credentials')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('label', '=', label)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toInfo(row);
  }
}

function toInfo(row: CredentialsTable): CredentialInfo {
  return {
    id: row.id,
    ownerId: row.owner_id,
    // A scope this version does not know (written by a newer one) grants nothing rather than failing the lookup.
    scopes: row.scopes
      .split(',')
      .flatMap((s) => (credentialScopeSchema.safeParse(s).success ? [s as CredentialScope] : [])),
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
