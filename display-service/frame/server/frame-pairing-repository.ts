import { flushCommitsToDisk } from '../../../common/database';
import { sql, type Kysely } from 'kysely';
import type { DisplayDatabase } from '../../database/schema';
import { isWriteConflict } from '../../database/write-conflicts';

/** A web frame as stored. Times are ms since the epoch. */
export interface FramePairing {
  frameId: string;
  ownerId: string | null;
  code: string | null;
  codeExpiresAt: number | null;
}

/**
 * Frame pairing SQL. Every write is one statement, so two instances racing for the same code or frame never both
 * win: linking is `update … where code = ? and owner_id is null returning`, a fresh code is refused by the unique
 * check below rather than by a lock, and link attempts are counted by one upsert per attempt.
 */
export class FramePairingRepository {
  constructor(private readonly db: Kysely<DisplayDatabase>) {}

  async create(frameId: string, tokenHash: string, createdAt: string): Promise<void> {
    await this.db
      .insertInto('frame_pairings')
      .values({
        frame_id: frameId,
        token_hash: tokenHash,
        owner_id: null,
        code: null,
        code_expires_at: null,
        created_at: createdAt,
        linked_at: null,
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<FramePairing | undefined> {
    const row = await this.db
      .selectFrom('frame_pairings')
      .select(['frame_id', 'owner_id', 'code', 'code_expires_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toPairing(row);
  }

  /**
   * Gives an unlinked frame a new code, unless another unlinked frame shows that code right now (then 'taken',
   * and the caller draws another). The check and the write are one statement.
   */
  async assignCode(
    frameId: string,
    code: string,
    expiresAt: number,
    now: number,
  ): Promise<'assigned' | 'taken'> {
    try {
      const result = await this.db
        .updateTable('frame_pairings')
        .set({ code, code_expires_at: expiresAt })
        .where('frame_id', '=', frameId)
        .where('owner_id', 'is', null)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('frame_pairings as other')
                .select('other.frame_id')
                .where('other.code', '=', code)
                .where('other.owner_id', 'is', null)
                .where('other.code_expires_at', '>', now),
            ),
          ),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? 'assigned' : 'taken';
    } catch (error) {
      if (isWriteConflict(error)) return 'taken';
      throw error;
    }
  }

  /**
   * Links the unlinked frame showing this live code; the code is used up in the same statement, so of two owners
   * entering it at once exactly one wins.
   */
  async linkByCode(
    code: string,
    ownerId: string,
    now: number,
    linkedAt: string,
  ): Promise<string | undefined> {
    const row = await this.db
      .updateTable('frame_pairings')
      .set({ owner_id: ownerId, code: null, code_expires_at: null, linked_at: linkedAt })
      .where('code', '=', code)
      .where('owner_id', 'is', null)
      .where('code_expires_at', '>', now)
      .returning('frame_id')
      .executeTakeFirst();
    if (row) await flushCommitsToDisk(this.db);
    return row?.frame_id;
  }

  /** Unlinks one of the owner's frames (it shows a fresh code on its next session); false when it is not theirs. */
  async unlink(frameId: string, ownerId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('frame_pairings')
      .set({ owner_id: null, code: null, code_expires_at: null, linked_at: null })
      .where('frame_id', '=', frameId)
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
    await flushCommitsToDisk(this.db);
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Counts one link attempt against `scope` and answers the count in the current window, in one upsert: concurrent
   * attempts each see a different count, so no more than the limit ever gets past the check (on either engine).
   */
  async countAttempt(scope: string, now: number, windowMs: number): Promise<number> {
    const expired = sql<boolean>`frame_link_attempts.window_start <= ${now - windowMs}`;
    const row = await this.db
      .insertInto('frame_link_attempts')
      .values({ scope, window_start: now, attempts: 1 })
      .onConflict((oc) =>
        oc.column('scope').doUpdateSet({
          attempts: sql<number>`case when ${expired} then 1 else frame_link_attempts.attempts + 1 end`,
          window_start: sql<number>`case when ${expired} then cast(${now} as bigint) else frame_link_attempts.window_start end`,
        }),
      )
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return Number(row.attempts);
  }

  /** A successful link gives its attempt back: only wrong codes use up the allowance. */
  async returnAttempt(scope: string): Promise<void> {
    await this.db
      .updateTable('frame_link_attempts')
      .set({ attempts: sql<number>`attempts - 1` })
      .where('scope', '=', scope)
      .where('attempts', '>', 0)
      .execute();
  }

  async audit(entry: {
    frameId: string;
    ownerId: string;
    action: 'linked' | 'unlinked';
    actor: string;
    at: string;
  }): Promise<void> {
    await this.db
      .insertInto('frame_link_audit')
      .values({
        frame_id: entry.frameId,
        owner_id: entry.ownerId,
        action: entry.action,
        actor: entry.actor,
        at: entry.at,
      })
      .execute();
  }

  /** The owner's audit trail, newest first. */
  async auditTrail(
    ownerId: string,
  ): Promise<{ frameId: string; action: 'linked' | 'unlinked'; actor: string; at: string }[]> {
    const rows = await this.db
      .selectFrom('frame_link_audit')
      .select(['frame_id', 'action', 'actor', 'at'])
      .where('owner_id', '=', ownerId)
      .orderBy('at', 'desc')
      .execute();
    return rows.map((r) => ({ frameId: r.frame_id, action: r.action, actor: r.actor, at: r.at }));
  }

  /** Attempt counters whose window is over count for nothing: drop them (keeps the table small). */
  async forgetAttemptsBefore(before: number): Promise<void> {
    await this.db.deleteFrom('frame_link_attempts').where('window_start', '<=', before).execute();
  }
}

function toPairing(row: {
  frame_id: string;
  owner_id: string | null;
  code: string | null;
  code_expires_at: number | string | null;
}): FramePairing {
  return {
    frameId: row.frame_id,
    ownerId: row.owner_id,
    code: row.code,
    codeExpiresAt: row.code_expires_at === null ? null : Number(row.code_expires_at),
  };
}
