import type { Kysely, Transaction } from 'kysely';
import { flushCommitsToDisk } from '../../common/database';
import type { LibraryDatabase } from '../database/schema';
import { overlap, SAME_FACE_OVERLAP } from '../labels/provenance/suppressions';
import type { Box } from '../vision/vision-types';
import type { FaceDecisionsDatabase } from './face-decisions-schema';

export type FaceDecision = 'confirmed' | 'rejected';

/** One stored answer to "is this X?". */
export interface StoredDecision {
  personId: string;
  faceId: string;
  photoId: string;
  box: Box;
  decision: FaceDecision;
}

/** What answering found: done, or no such face of the owner's. */
export type DecisionOutcome = 'decided' | 'no-face';

/** The answers that apply to faces as they are stored now: refused people and confirmed person per face id. */
export interface FaceAnswers {
  refused: Map<string, Set<string>>;
  confirmed: Map<string, string>;
}

type AnyLibrary = Kysely<LibraryDatabase> | Transaction<LibraryDatabase>;

function withDecisions(db: AnyLibrary): Kysely<FaceDecisionsDatabase> {
  return db as unknown as Kysely<FaceDecisionsDatabase>;
}

/** The owner's answers to "is this X?" suggestions: stored, and matched to faces by id or by photo and box. */
export class FaceDecisionsRepository {
  constructor(private readonly db: Kysely<LibraryDatabase>) {}

  async decisionsOf(ownerId: string): Promise<StoredDecision[]> {
    const rows = await withDecisions(this.db)
      .selectFrom('face_decisions')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('decided_at')
      .execute();
    return rows.map((row) => ({
      personId: row.person_id,
      faceId: row.face_id,
      photoId: row.photo_id,
      box: { left: row.box_left, top: row.box_top, width: row.box_width, height: row.box_height },
      decision: row.decision,
    }));
  }

  /**
   * Records the owner's answer for one face and frees the face from the cluster the answer contradicts (a
   * rejected face leaves the person; a confirmed one leaves wherever it was), so the next clustering places it.
   * A face confirmed as one person is no longer confirmed as any other. The caller checks the person is named.
   */
  async decide(
    ownerId: string,
    personId: string,
    faceId: string,
    decision: FaceDecision,
    decidedAt: string,
  ): Promise<DecisionOutcome> {
    const outcome = await this.db.transaction().execute(async (trx) => {
      const face = await trx
        .selectFrom('faces')
        .select(['id', 'photo_id', 'person_id', 'box_left', 'box_top', 'box_width', 'box_height'])
        .where('owner_id', '=', ownerId)
        .where('id', '=', faceId)
        .executeTakeFirst();
      if (!face) return 'no-face' as const;
      const decisions = withDecisions(trx);
      if (decision === 'confirmed') {
        await decisions
          .deleteFrom('face_decisions')
          .where('owner_id', '=', ownerId)
          .where('face_id', '=', faceId)
          .where('decision', '=', 'confirmed')
          .execute();
      }
      const row = {
        owner_id: ownerId,
        person_id: personId,
        face_id: faceId,
        photo_id: face.photo_id,
        box_left: face.box_left,
        box_top: face.box_top,
        box_width: face.box_width,
        box_height: face.box_height,
        decision,
        decided_at: decidedAt,
      };
      await decisions
        .insertInto('face_decisions')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['owner_id', 'face_id', 'person_id']).doUpdateSet({ decision, decided_at: decidedAt }),
        )
        .execute();
      const contradicts = decision === 'rejected' ? face.person_id === personId : face.person_id !== personId;
      if (contradicts && face.person_id !== null) {
        await trx.updateTable('faces').set({ person_id: null }).where('id', '=', faceId).execute();
      }
      return 'decided' as const;
    });
    await flushCommitsToDisk(this.db);
    return outcome;
  }
}

/** A person merged into another (naming): the answers about it are answers about the other. */
export async function moveFaceDecisions(
  trx: Transaction<LibraryDatabase>,
  from: string,
  into: string,
): Promise<void> {
  const decisions = withDecisions(trx);
  const already = await decisions
    .selectFrom('face_decisions')
    .select('face_id')
    .where('person_id', '=', into)
    .execute();
  const taken = already.map((row) => row.face_id);
  if (taken.length > 0) {
    await decisions
      .deleteFrom('face_decisions')
      .where('person_id', '=', from)
      .where('face_id', 'in', taken)
      .execute();
  }
  await decisions
    .updateTable('face_decisions')
    .set({ person_id: into })
    .where('person_id', '=', from)
    .execute();
}

/**
 * Which stored faces the answers speak of: the face with that id, or a face of the same photo whose box overlaps
 * the answered one (found again by a newer model under a new id). Later answers win.
 */
export function answersFor(
  faces: readonly { id: string; photoId: string; box: Box }[],
  decisions: readonly StoredDecision[],
): FaceAnswers {
  const answers: FaceAnswers = { refused: new Map(), confirmed: new Map() };
  if (decisions.length === 0) return answers;
  const byPhoto = new Map<string, StoredDecision[]>();
  for (const decision of decisions)
    byPhoto.set(decision.photoId, [...(byPhoto.get(decision.photoId) ?? []), decision]);
  for (const face of faces) {
    for (const decision of byPhoto.get(face.photoId) ?? []) {
      if (decision.faceId !== face.id && overlap(decision.box, face.box) < SAME_FACE_OVERLAP) continue;
      if (decision.decision === 'rejected') {
        answers.refused.set(face.id, new Set([...(answers.refused.get(face.id) ?? []), decision.personId]));
        if (answers.confirmed.get(face.id) === decision.personId) answers.confirmed.delete(face.id);
      } else {
        answers.confirmed.set(face.id, decision.personId);
        answers.refused.get(face.id)?.delete(decision.personId);
      }
    }
  }
  return answers;
}
