import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import { suppressedFaceBoxesOf, withoutSuppressedFaces } from '../labels/provenance/suppressions';
import { encodeDescriptor } from '../people/face-descriptor';
import { removeFaceLinks } from '../people/face-links';
import { countEntriesOf, recountEntries, type PhotoCountEntry } from '../repositories/key-month-counts';
import { joinCopyOf, replaceLabelsFrom } from '../repositories/label-rows';
import type { LabelParents } from '../repositories/photo-filters';
import type { PhotoAnalysis, PhotoToAnalyse } from './vision-types';

/** A photo vision has not yet analysed with the current model version. */
export interface PendingPhoto extends PhotoToAnalyse {
  sourcePath: string;
}

/** The SQL of the vision stage: which photos need analysing, and storing what was found, one photo at a time. */
export class VisionRepository {
  constructor(
    private readonly db: Kysely<LibraryDatabase>,
    private readonly labelParents: LabelParents,
  ) {}

  /** Still photos of one source the current model version has not looked at (analysed or skipped), by id. */
  async pendingPhotos(ownerId: string, sourceRoot: string, modelVersion: string): Promise<PendingPhoto[]> {
    const rows = await this.db
      .selectFrom('photos')
      .select(['id', 'source_uri', 'source_path', 'media_type'])
      .where('owner_id', '=', ownerId)
      .where('source_root', '=', sourceRoot)
      .where('media_kind', '=', 'photo')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('photo_vision')
              .select('photo_vision.photo_id')
              .whereRef('photo_vision.photo_id', '=', 'photos.id')
              .where('photo_vision.model_version', '=', modelVersion),
          ),
        ),
      )
      // Largest first: big group photos (seconds of face work) start early instead of finishing a pass alone.
      .orderBy('bytes', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      photoId: row.id,
      ownerId,
      uri: row.source_uri,
      mediaType: row.media_type,
      sourcePath: row.source_path,
    }));
  }

  /**
   * Replaces what an earlier analysis stored (vision labels, faces and the people links those faces made) with this
   * one, in one transaction, and keeps the search counts right. New faces wait unclustered (person_id null). Labels
   * and faces the owner removed from the photo are left out (labels/provenance/suppressions.ts).
   * False when the photo is gone (deleted while it was being analysed).
   */
  async saveAnalysis(
    ownerId: string,
    photoId: string,
    modelVersion: string,
    analysis: PhotoAnalysis,
    analysedAt: string,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const copy = await joinCopyOf(trx, ownerId, photoId);
      if (!copy) return false;
      const countedBefore = await searchableEntries(trx, ownerId, photoId);
      await replaceLabelsFrom(trx, 'vision', { ownerId, photoId, copy }, analysis.labels, this.labelParents);
      await removeFaceLinks(trx, [photoId]);
      await trx.deleteFrom('faces').where('photo_id', '=', photoId).execute();
      // A face the owner removed from this photo stays removed when it is found again.
      const faces = withoutSuppressedFaces(analysis.faces, await suppressedFaceBoxesOf(trx, photoId));
      if (faces.length > 0) {
        await trx
          .insertInto('faces')
          .values(
            faces.map((face, index) => ({
              id: faceIdFor(photoId, modelVersion, index),
              owner_id: ownerId,
              photo_id: photoId,
              box_left: face.box.left,
              box_top: face.box.top,
              box_width: face.box.width,
              box_height: face.box.height,
              score: face.score,
              descriptor: face.descriptor ? encodeDescriptor(face.descriptor) : null,
              provider_face_id: face.providerFaceId ?? null,
              matches: face.matches ? JSON.stringify(face.matches) : null,
              person_id: null,
            })),
          )
          .execute();
      }
      const countedAfter = await searchableEntries(trx, ownerId, photoId);
      await recountEntries(trx, unique([...countedBefore, ...countedAfter]));
      await markSeen(trx, { ownerId, photoId, modelVersion, outcome: 'analysed', message: null, analysedAt });
      return true;
    });
  }

  /** The photo cannot be analysed by this model version: remembered, so later runs do not try again. */
  async recordSkip(
    ownerId: string,
    photoId: string,
    modelVersion: string,
    reason: string,
    analysedAt: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await joinCopyOf(trx, ownerId, photoId))) return;
      await markSeen(trx, {
        ownerId,
        photoId,
        modelVersion,
        outcome: 'skipped',
        message: reason,
        analysedAt,
      });
    });
  }
}

/** Stable per photo, model version and position, so a repeated analysis writes the same ids. */
export function faceIdFor(photoId: string, modelVersion: string, index: number): string {
  return `fa_${createHash('sha256').update(`${photoId}\n${modelVersion}\n${index}`).digest('base64url').slice(0, 20)}`;
}

/** The label and person counts a photo contributes to (vision changes nothing else about it). */
async function searchableEntries(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoId: string,
): Promise<PhotoCountEntry[]> {
  return (await countEntriesOf(trx, ownerId, [photoId])).filter(
    (entry) => entry.kind === 'label' || entry.kind === 'person',
  );
}

function unique(entries: readonly PhotoCountEntry[]): PhotoCountEntry[] {
  return [...new Map(entries.map((e) => [`${e.kind}\u0000${e.key}\u0000${e.month}`, e])).values()];
}

async function markSeen(
  trx: Transaction<LibraryDatabase>,
  row: {
    ownerId: string;
    photoId: string;
    modelVersion: string;
    outcome: 'analysed' | 'skipped';
    message: string | null;
    analysedAt: string;
  },
): Promise<void> {
  const values = {
    photo_id: row.photoId,
    owner_id: row.ownerId,
    model_version: row.modelVersion,
    outcome: row.outcome,
    message: row.message,
    analysed_at: row.analysedAt,
  };
  await trx
    .insertInto('photo_vision')
    .values(values)
    .onConflict((oc) =>
      oc.column('photo_id').doUpdateSet({
        model_version: values.model_version,
        outcome: values.outcome,
        message: values.message,
        analysed_at: values.analysed_at,
      }),
    )
    .execute();
}
