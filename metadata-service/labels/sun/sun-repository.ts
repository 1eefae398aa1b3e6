import type { Kysely, Transaction } from 'kysely';
import type { LibraryDatabase } from '../../database/schema';
import { countEntriesOf, recountEntries, type PhotoCountEntry } from '../../repositories/key-month-counts';
import { joinCopyOf, replaceLabelsFrom, type LabelRecord } from '../../repositories/label-rows';
import type { LabelParents } from '../../repositories/photo-filters';
import type { CaptureFacts, CaptureMoment } from './capture-moment';
import type { PictureLight } from './picture-light';
import type { SunOutcome, SunLabelDatabase } from './sun-schema';
import type { SunPosition } from './sun-position';

/** A photo the current labeller version has not looked at with its current capture facts. */
export interface SunPendingPhoto {
  photoId: string;
  uri: string;
  mediaType: string;
  sourcePath: string;
  facts: CaptureFacts;
  /** The facts as stored with the outcome: a change makes the photo pending again. */
  inputs: string;
}

/** What is kept as a photo's sun evidence (photo_sun.evidence): enough to say why each label is there. */
export interface StoredSunEvidence {
  moment: Omit<CaptureMoment, 'instant'> & { instant: string };
  sun: SunPosition;
  light: PictureLight | null;
  labels: { label: string; sunRule: string; colourRule: string }[];
}

export interface SunRecord {
  labellerVersion: string;
  inputs: string;
  outcome: SunOutcome;
  evidence: StoredSunEvidence | null;
  labels: LabelRecord[];
}

/** The SQL of the sun stage: which photos to look at, and storing labels (source 'sun') with their evidence. */
export class SunRepository {
  private readonly db: Kysely<SunLabelDatabase>;

  constructor(
    db: Kysely<LibraryDatabase>,
    private readonly labelParents: LabelParents,
  ) {
    // photo_sun is declared beside its migration (sun-schema.ts); the rows are the library's own tables.
    this.db = db as unknown as Kysely<SunLabelDatabase>;
  }

  /** Still photos of one source not yet looked at by this version with their current capture facts. */
  async pendingPhotos(
    ownerId: string,
    sourceRoot: string,
    labellerVersion: string,
  ): Promise<SunPendingPhoto[]> {
    const rows = await this.db
      .selectFrom('photos')
      .leftJoin('photo_sun', 'photo_sun.photo_id', 'photos.id')
      .select([
        'photos.id',
        'photos.source_uri',
        'photos.source_path',
        'photos.media_type',
        'photos.taken_local',
        'photos.taken_utc',
        'photos.taken_time_source',
        'photos.latitude',
        'photos.longitude',
        'photos.time_zone',
        'photos.place_city',
        'photos.place_region_code',
        'photos.place_country_code',
        'photo_sun.labeller_version',
        'photo_sun.inputs',
      ])
      .where('photos.owner_id', '=', ownerId)
      .where('photos.source_root', '=', sourceRoot)
      .where('photos.media_kind', '=', 'photo')
      .orderBy('photos.id')
      .execute();
    const pending: SunPendingPhoto[] = [];
    for (const row of rows) {
      const facts: CaptureFacts = {
        takenLocal: row.taken_local,
        takenUtc: row.taken_utc,
        takenTimeSource: row.taken_time_source,
        latitude: row.latitude === null ? null : Number(row.latitude),
        longitude: row.longitude === null ? null : Number(row.longitude),
        timeZone: row.time_zone,
        placeCity: row.place_city,
        placeRegionCode: row.place_region_code,
        placeCountryCode: row.place_country_code,
      };
      const inputs = JSON.stringify(facts);
      if (row.labeller_version === labellerVersion && row.inputs === inputs) continue;
      pending.push({
        photoId: row.id,
        uri: row.source_uri,
        mediaType: row.media_type,
        sourcePath: row.source_path,
        facts,
        inputs,
      });
    }
    return pending;
  }

  /**
   * Replaces the photo's sun labels with these (refiling it under every label that answers a search, counts kept
   * right) and remembers the outcome and evidence, in one transaction. False when the photo is gone.
   */
  async save(ownerId: string, photoId: string, record: SunRecord, labelledAt: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const library = trx as unknown as Transaction<LibraryDatabase>;
      const copy = await joinCopyOf(library, ownerId, photoId);
      if (!copy) return false;
      const countedBefore = await labelEntries(library, ownerId, photoId);
      await replaceLabelsFrom(library, 'sun', { ownerId, photoId, copy }, record.labels, this.labelParents);
      const countedAfter = await labelEntries(library, ownerId, photoId);
      await recountEntries(library, unique([...countedBefore, ...countedAfter]));
      const values = {
        photo_id: photoId,
        owner_id: ownerId,
        labeller_version: record.labellerVersion,
        inputs: record.inputs,
        outcome: record.outcome,
        evidence: record.evidence ? JSON.stringify(record.evidence) : null,
        labelled_at: labelledAt,
      };
      await trx
        .insertInto('photo_sun')
        .values(values)
        .onConflict((oc) =>
          oc.column('photo_id').doUpdateSet({
            owner_id: values.owner_id,
            labeller_version: values.labeller_version,
            inputs: values.inputs,
            outcome: values.outcome,
            evidence: values.evidence,
            labelled_at: values.labelled_at,
          }),
        )
        .execute();
      return true;
    });
  }

  /** Why a photo has (or has not) its sun labels: the stored outcome and evidence; undefined if never looked at. */
  async evidenceOf(
    ownerId: string,
    photoId: string,
  ): Promise<
    { labellerVersion: string; outcome: SunOutcome; evidence: StoredSunEvidence | null } | undefined
  > {
    const row = await this.db
      .selectFrom('photo_sun')
      .select(['labeller_version', 'outcome', 'evidence'])
      .where('owner_id', '=', ownerId)
      .where('photo_id', '=', photoId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      labellerVersion: row.labeller_version,
      outcome: row.outcome,
      evidence: row.evidence ? (JSON.parse(row.evidence) as StoredSunEvidence) : null,
    };
  }
}

/** The label counts a photo contributes to (sun labels change nothing else about it). */
async function labelEntries(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoId: string,
): Promise<PhotoCountEntry[]> {
  return (await countEntriesOf(trx, ownerId, [photoId])).filter((entry) => entry.kind === 'label');
}

function unique(entries: readonly PhotoCountEntry[]): PhotoCountEntry[] {
  return [...new Map(entries.map((e) => [`${e.kind}\u0000${e.key}\u0000${e.month}`, e])).values()];
}
