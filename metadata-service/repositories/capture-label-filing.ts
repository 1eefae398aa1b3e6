import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { LEFT_OUT_SCREENSHOT } from '../database/schema';
import {
  LIVE_PHOTO_LABEL,
  liveLabel,
  PANORAMA_MIN_ASPECT,
  PANORAMA_MIN_LONG_SIDE,
  SCREENSHOT_FACT,
  SCREENSHOT_LABEL,
} from '../ingest/capture-labels';
import { recountLabel } from './key-month-counts';

interface StoredFact {
  label: string;
  /** Which stored stills carry the label (the photos table as `p`). */
  where: RawBuilder<unknown>;
  /** The fact the label was read from, as ingest words it (capture-labels.ts). */
  detail: RawBuilder<unknown>;
}

const isScreenshot = sql`(p.left_out & ${sql.lit(LEFT_OUT_SCREENSHOT)}) <> 0`;

/**
 * What the stored columns still tell of how a photo was made: screenshots by their left-out bit, panoramas by their
 * shape, live photos by their motion. A selfie's lens and a greyscale encoding were never stored: the capture
 * backfill reads those from the files (ingest/capture-backfill.ts).
 */
const STORED_FACTS: readonly StoredFact[] = [
  { label: SCREENSHOT_LABEL, where: isScreenshot, detail: sql`${SCREENSHOT_FACT}` },
  {
    label: 'panorama',
    where: sql`not ${isScreenshot} and (p.width >= ${sql.lit(PANORAMA_MIN_ASPECT)} * p.height
      and p.width >= ${sql.lit(PANORAMA_MIN_LONG_SIDE)}
      or p.height >= ${sql.lit(PANORAMA_MIN_ASPECT)} * p.width and p.height >= ${sql.lit(PANORAMA_MIN_LONG_SIDE)})`,
    detail: sql`cast(p.width as text) || 'x' || cast(p.height as text)`,
  },
  {
    label: LIVE_PHOTO_LABEL,
    where: sql`p.motion_kind is not null`,
    detail: sql`case when p.motion_kind = 'live-photo' then ${liveLabel('live-photo').detail ?? ''}
      else ${liveLabel('motion-photo').detail ?? ''} end`,
  },
];

/**
 * Files the photos stored before ingest read capture labels (capture-labels.ts) under the ones their stored columns
 * show, as ingest files a new photo: the label's source row ('capture', with its fact) and its searchable row, then
 * recounts each label that gained photos. Stills only; a label the owner removed from a photo is not filed again,
 * and rows already there stay as they are. Returns the labels that gained photos.
 */
export async function fileStoredCaptureLabels(db: QueryExecutorProvider): Promise<string[]> {
  const gained: string[] = [];
  for (const fact of STORED_FACTS) {
    const photos = sql`from photos p
      where p.media_kind = 'photo' and ${fact.where}
        and not exists (select 1 from label_suppressions s
          where s.owner_id = p.owner_id and s.label = ${fact.label}
            and (s.photo_id = p.id or (s.source_root = p.source_root and s.source_path = p.source_path)))`;
    await sql`insert into photo_label_sources (photo_id, label, source, confidence, detail)
      select p.id, ${fact.label}, 'capture', 1, ${fact.detail} ${photos}
      on conflict (photo_id, label, source) do nothing`.execute(db);
    const filed =
      await sql`insert into photo_labels (photo_id, label, owner_id, taken_local, left_out, shuffle_key)
      select p.id, ${fact.label}, p.owner_id, p.taken_local, p.left_out, p.shuffle_key ${photos}
      on conflict (photo_id, label) do nothing`.execute(db);
    if ((filed.numAffectedRows ?? 0n) === 0n) continue;
    gained.push(fact.label);
    await recountLabel(db, fact.label);
  }
  return gained;
}
