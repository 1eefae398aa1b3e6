import type { Transaction } from 'kysely';
import type { LibraryDatabase, MotionKind } from '../database/schema';
import { LIVE_PHOTO_LABEL, liveLabel } from '../ingest/capture-labels';
import { recountAround } from './key-month-counts';
import { replaceLabelsFrom, type JoinCopy, type LabelRecord } from './label-rows';
import type { LabelParents } from './photo-filters';

/**
 * Makes a photo's "live photo" label follow its motion after the motion changed on its own (a Live Photo's video
 * came, changed or went while the still stayed the same bytes): its other capture labels stay as they are, and the
 * counts of the labels it gained or lost are recounted. Nothing is written when the label is already right.
 */
export async function refileLiveLabel(
  trx: Transaction<LibraryDatabase>,
  labelParents: LabelParents,
  photo: { ownerId: string; photoId: string; copy: JoinCopy },
  motion: MotionKind | null,
): Promise<void> {
  const stored = await trx
    .selectFrom('photo_label_sources')
    .select(['label', 'confidence', 'detail'])
    .where('photo_id', '=', photo.photoId)
    .where('source', '=', 'capture')
    .execute();
  const others: LabelRecord[] = stored
    .filter((row) => row.label !== LIVE_PHOTO_LABEL)
    .map((row) => ({
      label: row.label,
      source: 'capture',
      confidence: Number(row.confidence),
      ...(row.detail === null ? {} : { detail: row.detail }),
    }));
  const wanted = motion === null ? others : [...others, liveLabel(motion)];
  const had = stored.find((row) => row.label === LIVE_PHOTO_LABEL)?.detail ?? undefined;
  if (had === (motion === null ? undefined : liveLabel(motion).detail)) return;
  await recountAround(trx, photo.ownerId, [photo.photoId], () =>
    replaceLabelsFrom(trx, 'capture', photo, wanted, labelParents),
  );
}
