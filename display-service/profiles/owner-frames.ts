import type { Kysely } from 'kysely';
import type { DisplayDatabase } from '../database/schema';

/** A screen of the owner's that can have a profile. */
export interface OwnerFrame {
  deviceId: string;
  /** `linked`: a web frame linked by code (can be unlinked); `screen`: a screen that has played the ambient frame. */
  kind: 'linked' | 'screen';
  /** `fr_…` for linked web frames. */
  frameId: string | null;
  /** ISO-8601 UTC: when it was linked, or first played. */
  since: string;
}

/**
 * The owner's frames: web frames linked to them, and every other screen that has played their ambient frame (a web
 * frame on a signed-in browser, an Echo Show), known from the ambient slideshows it keeps.
 */
export async function listOwnerFrames(db: Kysely<DisplayDatabase>, ownerId: string): Promise<OwnerFrame[]> {
  const [linked, screens] = await Promise.all([
    db
      .selectFrom('frame_pairings')
      .select(['frame_id', 'linked_at'])
      .where('owner_id', '=', ownerId)
      .execute(),
    db
      .selectFrom('slideshows')
      .select(['device_id'])
      .select((eb) => eb.fn.min('created_at').as('since'))
      .where('owner_id', '=', ownerId)
      .where('kind', '=', 'ambient')
      .where('device_id', 'is not', null)
      .groupBy('device_id')
      .execute(),
  ]);
  const frames: OwnerFrame[] = linked.map((row) => ({
    deviceId: `web-frame:${row.frame_id}`,
    kind: 'linked',
    frameId: row.frame_id,
    since: row.linked_at ?? '',
  }));
  const seen = new Set(frames.map((frame) => frame.deviceId));
  for (const row of screens) {
    // A frame linked by code is this owner's only while linked: its old ambient slideshow does not make it theirs.
    if (row.device_id === null || seen.has(row.device_id) || row.device_id.startsWith('web-frame:fr_'))
      continue;
    seen.add(row.device_id);
    frames.push({ deviceId: row.device_id, kind: 'screen', frameId: null, since: String(row.since) });
  }
  return frames.sort((a, b) => a.since.localeCompare(b.since) || a.deviceId.localeCompare(b.deviceId));
}
