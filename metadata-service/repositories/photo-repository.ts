import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { PhotoFacts, PhotoQuery, PhotoSummary, SearchResponse } from '../../common/contracts';
import type { LabelSource, LibraryDatabase, PhotosTable } from '../database/schema';

/** A photo as ingest knows it, before it is stored. */
export type PhotoRecord = {
  [K in keyof PhotosTable as CamelCase<K & string>]: PhotosTable[K];
};
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

export interface LabelRecord {
  label: string;
  source: LabelSource;
  confidence: number;
}

/** Where a stored photo's original was found; enough for ingest to tell unchanged from moved. */
export interface StoredSource {
  id: string;
  contentHash: string;
  sourceRoot: string;
  sourcePath: string;
  /** Size and modification time when last ingested: an unchanged stat lets a rerun skip re-hashing. */
  bytes: number;
  fileMtime: string;
}

export interface SourceUpdate {
  sourceRoot: string;
  sourcePath: string;
  sourceUri: string;
  fileMtime: string;
  /** Folder labels follow the path, so a move replaces them. */
  folderLabels: readonly LabelRecord[];
}

export interface IngestSkipRecord {
  ownerId: string;
  sourceRoot: string;
  sourcePath: string;
  reasonCode: string;
  message: string;
  seenAt: string;
}

type PhotoRow = PhotosTable;
type PhotosQuery = SelectQueryBuilder<LibraryDatabase, 'photos', object>;

/** Rows per DELETE … WHERE id IN (…): far below both engines' bound-parameter limits. */
const DELETE_CHUNK = 500;

/**
 * The only place that speaks SQL for the library. Every statement is scoped by owner_id: one tenant can never read,
 * match or change another's photos, whatever id it guesses.
 */
export class PhotoRepository {
  constructor(private readonly db: Kysely<LibraryDatabase>) {}

  async search(ownerId: string, query: PhotoQuery, limit: number, offset: number): Promise<SearchResponse> {
    const matches = this.matching(ownerId, query);
    const aggregate = await matches
      .select((eb) => [
        eb.fn.countAll<number | string | bigint>().as('total'),
        eb.fn.min<string | null>('photos.taken_local').as('first'),
        eb.fn.max<string | null>('photos.taken_local').as('last'),
      ])
      .executeTakeFirstOrThrow();
    const rows = await matches
      .selectAll('photos')
      // Undated photos sort last on both engines (SQLite would put NULLs first, PostgreSQL last).
      .orderBy((eb) => eb.case().when('photos.taken_local', 'is', null).then(1).else(0).end())
      .orderBy('photos.taken_local')
      .orderBy('photos.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return {
      total: Number(aggregate.total),
      span:
        aggregate.first !== null && aggregate.last !== null
          ? { first: aggregate.first, last: aggregate.last }
          : null,
      photos: rows.map(toSummary),
    };
  }

  async getPhoto(ownerId: string, photoId: string): Promise<PhotoFacts | undefined> {
    const row = await this.db
      .selectFrom('photos')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('id', '=', photoId)
      .executeTakeFirst();
    if (!row) return undefined;
    const labels = await this.db
      .selectFrom('photo_labels')
      .select(['label', 'source', 'confidence'])
      .where('photo_id', '=', row.id)
      .orderBy('source')
      .orderBy('label')
      .execute();
    return {
      ...toSummary(row),
      takenUtc: row.taken_utc,
      takenTimeSource: row.taken_time_source,
      gps:
        row.latitude !== null && row.longitude !== null
          ? { latitude: row.latitude, longitude: row.longitude }
          : null,
      camera:
        row.camera_make !== null || row.camera_model !== null
          ? { make: row.camera_make, model: row.camera_model }
          : null,
      labels: labels.map((l) => ({ name: l.label, source: l.source, confidence: Number(l.confidence) })),
      ingestedAt: row.ingested_at,
    };
  }

  async findByContentHash(ownerId: string, contentHash: string): Promise<StoredSource | undefined> {
    const row = await this.db
      .selectFrom('photos')
      .select(['id', 'content_hash', 'source_root', 'source_path', 'bytes', 'file_mtime'])
      .where('owner_id', '=', ownerId)
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
    return row && toStoredSource(row);
  }

  /** Every photo stored from one folder, so ingest can tell which originals have gone. */
  async listSources(ownerId: string, sourceRoot: string): Promise<StoredSource[]> {
    const rows = await this.db
      .selectFrom('photos')
      .select(['id', 'content_hash', 'source_root', 'source_path', 'bytes', 'file_mtime'])
      .where('owner_id', '=', ownerId)
      .where('source_root', '=', sourceRoot)
      .execute();
    return rows.map(toStoredSource);
  }

  /** Inserts a photo with its labels; false when the owner already has these bytes (a concurrent insert won). */
  async insertPhoto(photo: PhotoRecord, labels: readonly LabelRecord[]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto('photos')
        .values(toRow(photo))
        .onConflict((oc) => oc.columns(['owner_id', 'content_hash']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      if (labels.length > 0) {
        await trx
          .insertInto('photo_labels')
          .values(dedupeLabels(labels).map((l) => ({ photo_id: photo.id, ...l })))
          .execute();
      }
      return true;
    });
  }

  /** Points a stored photo at the place its bytes now live. */
  async updateSource(ownerId: string, photoId: string, update: SourceUpdate): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('photos')
        .set({
          source_root: update.sourceRoot,
          source_path: update.sourcePath,
          source_uri: update.sourceUri,
          file_mtime: update.fileMtime,
        })
        .where('owner_id', '=', ownerId)
        .where('id', '=', photoId)
        .execute();
      await trx
        .deleteFrom('photo_labels')
        .where('photo_id', '=', photoId)
        .where('source', '=', 'folder')
        .execute();
      if (update.folderLabels.length > 0) {
        await trx
          .insertInto('photo_labels')
          .values(dedupeLabels(update.folderLabels).map((l) => ({ photo_id: photoId, ...l })))
          .execute();
      }
    });
  }

  async deletePhotos(ownerId: string, photoIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (let start = 0; start < photoIds.length; start += DELETE_CHUNK) {
      const chunk = photoIds.slice(start, start + DELETE_CHUNK);
      await this.db.transaction().execute(async (trx) => {
        // Labels first: PostgreSQL enforces the cascade, but SQLite only does with foreign_keys on.
        await trx.deleteFrom('photo_labels').where('photo_id', 'in', chunk).execute();
        const result = await trx
          .deleteFrom('photos')
          .where('owner_id', '=', ownerId)
          .where('id', 'in', chunk)
          .executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      });
    }
    return deleted;
  }

  async recordSkip(skip: IngestSkipRecord): Promise<void> {
    await this.db
      .insertInto('ingest_skips')
      .values({
        owner_id: skip.ownerId,
        source_root: skip.sourceRoot,
        source_path: skip.sourcePath,
        reason_code: skip.reasonCode,
        message: skip.message,
        seen_at: skip.seenAt,
      })
      .onConflict((oc) =>
        oc.columns(['owner_id', 'source_root', 'source_path']).doUpdateSet({
          reason_code: skip.reasonCode,
          message: skip.message,
          seen_at: skip.seenAt,
        }),
      )
      .execute();
  }

  async clearSkip(ownerId: string, sourceRoot: string, sourcePath: string): Promise<void> {
    await this.db
      .deleteFrom('ingest_skips')
      .where('owner_id', '=', ownerId)
      .where('source_root', '=', sourceRoot)
      .where('source_path', '=', sourcePath)
      .execute();
  }

  async listSkips(ownerId: string): Promise<IngestSkipRecord[]> {
    const rows = await this.db
      .selectFrom('ingest_skips')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('source_root')
      .orderBy('source_path')
      .execute();
    return rows.map((r) => ({
      ownerId: r.owner_id,
      sourceRoot: r.source_root,
      sourcePath: r.source_path,
      reasonCode: r.reason_code,
      message: r.message,
      seenAt: r.seen_at,
    }));
  }

  /** The owner's photos that satisfy every condition of the query (labels AND, date range [from, to)). */
  private matching(ownerId: string, query: PhotoQuery): PhotosQuery {
    let matches: PhotosQuery = this.db.selectFrom('photos').where('photos.owner_id', '=', ownerId);
    // Comparing with NULL is never true, so undated photos drop out of any date-bounded query by themselves.
    if (query.takenFrom !== undefined) matches = matches.where('photos.taken_local', '>=', query.takenFrom);
    if (query.takenTo !== undefined) matches = matches.where('photos.taken_local', '<', query.takenTo);
    for (const label of new Set(query.labels)) {
      matches = matches.where((eb) =>
        eb.exists(
          eb
            .selectFrom('photo_labels')
            .select('photo_labels.photo_id')
            .whereRef('photo_labels.photo_id', '=', 'photos.id')
            .where('photo_labels.label', '=', label),
        ),
      );
    }
    return matches;
  }
}

function toSummary(row: PhotoRow): PhotoSummary {
  return {
    id: row.id,
    takenLocal: row.taken_local,
    width: row.width,
    height: row.height,
    orientation: row.orientation,
    source: {
      path: row.source_path,
      uri: row.source_uri,
      contentHash: row.content_hash,
      bytes: Number(row.bytes),
    },
  };
}

function toStoredSource(
  row: Pick<PhotoRow, 'id' | 'content_hash' | 'source_root' | 'source_path' | 'bytes' | 'file_mtime'>,
): StoredSource {
  return {
    id: row.id,
    contentHash: row.content_hash,
    sourceRoot: row.source_root,
    sourcePath: row.source_path,
    bytes: Number(row.bytes),
    fileMtime: row.file_mtime,
  };
}

function toRow(photo: PhotoRecord): PhotoRow {
  return {
    id: photo.id,
    owner_id: photo.ownerId,
    content_hash: photo.contentHash,
    bytes: photo.bytes,
    source_root: photo.sourceRoot,
    source_path: photo.sourcePath,
    source_uri: photo.sourceUri,
    media_type: photo.mediaType,
    width: photo.width,
    height: photo.height,
    orientation: photo.orientation,
    taken_local: photo.takenLocal,
    taken_utc: photo.takenUtc,
    taken_time_source: photo.takenTimeSource,
    latitude: photo.latitude,
    longitude: photo.longitude,
    camera_make: photo.cameraMake,
    camera_model: photo.cameraModel,
    file_mtime: photo.fileMtime,
    ingested_at: photo.ingestedAt,
  };
}

/** One row per (label, source): the primary key would reject a repeat. */
function dedupeLabels(labels: readonly LabelRecord[]): LabelRecord[] {
  const byKey = new Map<string, LabelRecord>();
  for (const label of labels) {
    const key = `${label.source}\u0000${label.label}`;
    const existing = byKey.get(key);
    if (!existing || existing.confidence < label.confidence) byKey.set(key, label);
  }
  return [...byKey.values()];
}
