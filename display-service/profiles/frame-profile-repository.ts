import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { photoQuerySchema } from '../../common/contracts';
import { flushCommitsToDisk } from '../../common/database';
import type { DisplayDatabase } from '../database/schema';
import { frameProfileSettingsSchema, frameShowsSchema, type FrameProfile } from './frame-profile';

/** What a save writes: everything but the version and time, which the repository sets. */
export type FrameProfileInput = Omit<FrameProfile, 'version' | 'updatedAt'>;

/** Frame profile SQL: one row per owner and device; every read is scoped to the owner. */
export class FrameProfileRepository {
  constructor(private readonly db: Kysely<DisplayDatabase>) {}

  async find(ownerId: string, deviceId: string): Promise<FrameProfile | undefined> {
    const row = await this.db
      .selectFrom('frame_profiles')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    return row && toProfile(row);
  }

  async listForOwner(ownerId: string): Promise<FrameProfile[]> {
    const rows = await this.db
      .selectFrom('frame_profiles')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('device_id')
      .execute();
    return rows.map(toProfile);
  }

  /** Creates or replaces the device's profile in one upsert; the answer carries its new version. */
  async save(ownerId: string, profile: FrameProfileInput, now: number): Promise<FrameProfile> {
    const version = randomBytes(9).toString('base64url');
    const updatedAt = new Date(now).toISOString();
    const { deviceId, ...stored } = profile;
    const values = {
      owner_id: ownerId,
      device_id: deviceId,
      profile_json: JSON.stringify(stored),
      version,
      updated_at: updatedAt,
    };
    await this.db
      .insertInto('frame_profiles')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['owner_id', 'device_id']).doUpdateSet({
          profile_json: values.profile_json,
          version,
          updated_at: updatedAt,
        }),
      )
      .execute();
    await flushCommitsToDisk(this.db);
    return { ...profile, version, updatedAt };
  }

  /** False when the owner had no profile for that device. */
  async remove(ownerId: string, deviceId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('frame_profiles')
      .where('owner_id', '=', ownerId)
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}

function toProfile(row: DisplayDatabase['frame_profiles']): FrameProfile {
  const stored = JSON.parse(row.profile_json) as Record<string, unknown>;
  const settings = frameProfileSettingsSchema.parse({
    shows: stored.shows,
    intervalSeconds: stored.intervalSeconds,
    captions: stored.captions,
    clock: stored.clock,
    dim: stored.dim,
    dimFrom: stored.dimFrom,
    dimTo: stored.dimTo,
    dimLevel: stored.dimLevel,
    clipSharePercent: stored.clipSharePercent,
  });
  return {
    ...settings,
    shows: frameShowsSchema.parse(settings.shows),
    deviceId: row.device_id,
    selection: stored.selection == null ? null : photoQuerySchema.parse(stored.selection),
    showsText: typeof stored.showsText === 'string' ? stored.showsText : '',
    version: row.version,
    updatedAt: row.updated_at,
  };
}
