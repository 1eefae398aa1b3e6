import type { Kysely } from 'kysely';
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
 * win: linking is `update … where code = ? and owner_id is null`, and a fresh code is refused by the unique check
 * below rather than by a lock.
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

  /** Links the unlinked frame showing this live code; the code is used up in the same statement. */
  async linkByCode(
    code: string,
    ownerId: string,
    now: number,
    linkedAt: string,
  ): Promise<string | undefined> {
    const frame = await this.db
      .selectFrom('frame_pairings')
      .select('frame_id')
      .where('code', '=', code)
      .where('owner_id', 'is', null)
      .where('code_expires_at', '>', now)
      .executeTakeFirst();
    if (!frame) return undefined;
    const result = await this.db
      .updateTable('frame_pairings')
      .set({ owner_id: ownerId, code: null, code_expires_at: null, linked_at: linkedAt })
      .where('frame_id', '=', frame.frame_id)
      .where('code', '=', code)
      .where('owner_id', 'is', null)
      .executeTakeFirst();
    // Another request used the code between the two statements: it is gone for us too.
    return Number(result.numUpdatedRows) === 1 ? frame.frame_id : undefined;
  }

  async recordFailure(ownerId: string, at: number): Promise<void> {
    await this.db.insertInto('frame_link_failures').values({ owner_id: ownerId, failed_at: at }).execute();
  }

  /** Wrong codes since `since`: by this owner, and by everyone. */
  async failuresSince(ownerId: string, since: number): Promise<{ owner: number; all: number }> {
    const row = await this.db
      .selectFrom('frame_link_failures')
      .select(({ fn, eb }) => [
        fn.countAll<number | string>().as('all'),
        fn
          .sum<number | string | null>(eb.case().when('owner_id', '=', ownerId).then(1).else(0).end())
          .as('owner'),
      ])
      .where('failed_at', '>', since)
      .executeTakeFirst();
    return { owner: Number(row?.owner ?? 0), all: Number(row?.all ?? 0) };
  }

  /** Failures older than the window count for nothing: drop them. */
  async forgetFailuresBefore(before: number): Promise<void> {
    await this.db.deleteFrom('frame_link_failures').where('failed_at', '<=', before).execute();
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
