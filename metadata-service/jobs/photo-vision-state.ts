import type { Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import type { PendingPhoto } from '../vision/vision-repository';

/** One photo as a vision job sees it: what to analyse, and which model version last looked at it. */
export interface PhotoVisionState {
  photo: PendingPhoto;
  /** The model version of its last analysis or skip; undefined when never looked at. */
  seenBy: string | undefined;
}

/**
 * The vision state of one still photo of an owner; undefined when the photo is gone (deleted since the job was
 * queued) or is a video. The same rule as VisionRepository.pendingPhotos: a photo counts as done for a model
 * version once photo_vision holds that version (analysed or skipped).
 */
export async function photoVisionState(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  photoId: string,
): Promise<PhotoVisionState | undefined> {
  const row = await db
    .selectFrom('photos')
    .leftJoin('photo_vision', 'photo_vision.photo_id', 'photos.id')
    .select([
      'photos.id',
      'photos.source_uri',
      'photos.source_path',
      'photos.media_type',
      'photo_vision.model_version',
    ])
    .where('photos.owner_id', '=', ownerId)
    .where('photos.id', '=', photoId)
    .where('photos.media_kind', '=', 'photo')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    photo: {
      photoId: row.id,
      ownerId,
      uri: row.source_uri,
      mediaType: row.media_type,
      sourcePath: row.source_path,
    },
    seenBy: row.model_version ?? undefined,
  };
}
