import { flushCommitsToDisk } from '../../common/database';
import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  PhotoCaptionFacts,
  PhotoFacts,
  PhotoQuery,
  SearchResponse,
  Vocabulary,
} from '../../common/contracts';
import {
  LEFT_OUT_HIDDEN,
  LEFT_OUT_SCREENSHOT,
  type AlbumSource,
  type Flag,
  type LeftOut,
  type LibraryDatabase,
  type MediaKind,
  type PhotosTable,
  type TakenTimeSource,
  type TimeZoneSource,
} from '../database/schema';
import type { Place } from '../places/place';
import { placeColumns } from '../places/place-columns';
import { captureWindow, chooseGroup, hammingDistance, MAX_HAMMING_DISTANCE } from './near-duplicates';
import { dropAlbums, listAlbums, type StoredAlbum } from './album-rows';
import { albumIdFor, normalizeName, personIdFor } from './names';
import {
  countEntriesOf,
  countInsertedPhotos,
  dayOf,
  KeyMonthTally,
  recountAround,
  recountEntries,
  type CountedKey,
} from './key-month-counts';
import { takePhotoNumbers } from './photo-numbers';
import {
  insertLabels,
  joinCopyOfRow,
  replaceLabelsFrom,
  type JoinCopy,
  type LabelRecord,
} from './label-rows';
import type { LabelParents } from './photo-filters';
import { readSearchPrerequisites, searchPhotos, type PageRequest, type SearchTuning } from './photo-search';
import { toPhotoSummary } from './photo-summary-row';
import { shuffleKeyFor } from './shuffle-order';
import type { VocabularyPlace } from '../query-text/types';
import { placesInUse } from './places-in-use';
import { libraryVocabulary } from './vocabulary-queries';
import { generationOf, libraryGeneration } from './library-generation';
import { MemberListCache } from './member-list-cache';
import type { MotionPart } from '../ingest/live-photos/motion-part';
import { SCREENSHOT_LABEL } from '../ingest/capture-labels';
import { listCapturePending, storeCaptureReadings, type CapturePendingPhoto } from './capture-pending';
import { refileLiveLabel } from './live-label-rows';
import { motionColumns, motionFacts } from './motion-columns';
import { foldPlaceNames, placeKeysOf, placeTextsOf, type PlaceTexts } from './place-month-counts';

/** A photo as ingest knows it, before it is stored (see ingest/photo-record.ts). */
export interface PhotoRecord {
  id: string;
  ownerId: string;
  contentHash: string;
  bytes: number;
  sourceRoot: string;
  sourcePath: string;
  sourceUri: string;
  mediaType: string;
  mediaKind: MediaKind;
  width: number;
  height: number;
  orientation: number;
  durationMs: number | null;
  takenLocal: string | null;
  takenUtc: string | null;
  takenTimeSource: TakenTimeSource;
  timeZone: string | null;
  timeZoneSource: TimeZoneSource | null;
  latitude: number | null;
  longitude: number | null;
  place: Place | null;
  cameraMake: string | null;
  cameraModel: string | null;
  title: string | null;
  description: string | null;
  favorite: boolean;
  rating: number | null;
  isScreenshot: boolean;
  perceptualHash: string | null;
  /** Display names; people are created per owner by normalized name. */
  people: readonly string[];
  albums: readonly AlbumRecord[];
  fileMtime: string;
  ingestedAt: string;
  /** A live photo's motion part (ingest/live-photos/); absent for other photos. */
  motion?: MotionPart;
}

/** A photo ingest read, with the labels its metadata gave it: one element of a batch insert. */
export interface NewPhoto {
  photo: PhotoRecord;
  labels: readonly LabelRecord[];
}

export interface AlbumRecord {
  name: string;
  source: AlbumSource;
}

export type { LabelRecord } from './label-rows';

/** Where a stored photo's original was found; enough for ingest to tell unchanged from moved. */
export interface StoredSource {
  id: string;
  contentHash: string;
  sourceRoot: string;
  sourcePath: string;
  /** Size and modification time when last ingested: an unchanged stat lets a rerun skip re-hashing. */
  bytes: number;
  fileMtime: string;
  /**
   * The size of its companion video (a Live Photo's MOV) when last ingested, null when it had none: a video that
   * came, changed or went is seen without reading the still.
   */
  motionBytes?: number | null;
}

/** A still stored without its perceptual hash: what the hash stage decodes. */
export interface PendingHash {
  id: string;
  sourcePath: string;
  mediaType: string;
  /** The original's size when stored: the stage holds one big original in memory at a time. */
  bytes: number;
}

export interface SourceUpdate {
  sourceRoot: string;
  sourcePath: string;
  sourceUri: string;
  fileMtime: string;
  /** Folder labels follow the path, so a move replaces them. */
  folderLabels: readonly LabelRecord[];
  /** Folder albums follow the path too; omitted keeps the stored ones. */
  folderAlbums?: readonly string[];
}

export interface IngestSkipRecord {
  ownerId: string;
  sourceRoot: string;
  sourcePath: string;
  reasonCode: string;
  message: string;
  seenAt: string;
}

export interface PhotoRepositoryOptions {
  /** Label hierarchy: a photo labelled "dog" is also filed under its parents ("animal"); default: none. */
  labelParents?: LabelParents;
  /** Search strategy knobs (tests use them to exercise the large-set paths on small libraries). */
  tuning?: SearchTuning;
  /** Decoded member lists kept between searches (default: a fresh one; `false`: none, every search reads them). */
  memberLists?: MemberListCache | false;
}

/** The owner's own marks on a photo. */
export interface PhotoFlagsUpdate {
  favorite?: boolean;
  hidden?: boolean;
}

/** Rows per DELETE … WHERE id IN (…): far below both engines' bound-parameter limits. */
const DELETE_CHUNK = 500;

/**
 * The only place that speaks SQL for the library. Every statement is scoped by owner_id: one tenant can never read,
 * match or change another's photos, whatever id it guesses.
 */
export class PhotoRepository {
  private readonly labelParents: LabelParents;
  private readonly tuning: SearchTuning;
  private readonly memberLists: MemberListCache | undefined;

  constructor(
    private readonly db: Kysely<LibraryDatabase>,
    options: PhotoRepositoryOptions = {},
  ) {
    this.labelParents = options.labelParents ?? (() => []);
    this.tuning = options.tuning ?? {};
    this.memberLists =
      options.memberLists === false ? undefined : (options.memberLists ?? new MemberListCache());
  }

  async search(ownerId: string, asked: PhotoQuery, page: PageRequest): Promise<SearchResponse> {
    const query = withScreenshotsAskedFor(asked);
    // One look at the owner's people and albums (which are hidden, and whether the ones the query names are theirs),
    // hidden labels and library generation (what kept member lists are valid at): one round trip instead of three.
    const people = [...new Set([...query.people, ...query.exclude.people])];
    const albums = [...new Set([...query.albums, ...query.exclude.albums])];
    // Read meanwhile: what the search plans with depends on the names the query gives, not on this check's answer.
    const prerequisites = readSearchPrerequisites(this.db, ownerId, query);
    const rows = await this.db
      .selectFrom('people')
      .select([sql<string>`'person'`.as('kind'), 'id', 'hidden'])
      .where('owner_id', '=', ownerId)
      .where((eb) => eb.or([eb('hidden', '=', 1), ...(people.length > 0 ? [eb('id', 'in', people)] : [])]))
      .unionAll((eb) =>
        eb
          .selectFrom('albums')
          .select([sql<string>`'album'`.as('kind'), 'id', 'hidden'])
          .where('owner_id', '=', ownerId)
          .where((ab) =>
            ab.or([ab('hidden', '=', 1), ...(albums.length > 0 ? [ab('id', 'in', albums)] : [])]),
          ),
      )
      .unionAll((eb) =>
        eb
          .selectFrom('hidden_labels')
          .select([sql<string>`'label'`.as('kind'), 'label as id', sql<Flag>`1`.as('hidden')])
          .where('owner_id', '=', ownerId),
      )
      .unionAll((eb) =>
        eb
          .selectFrom('library_generations')
          .select([
            sql<string>`'generation'`.as('kind'),
            sql<string>`cast(generation as text)`.as('id'),
            sql<Flag>`0`.as('hidden'),
          ])
          .where('owner_id', '=', ownerId),
      )
      .execute();
    // Before any member list is read, in the same statement as the check: lists read later are never older.
    const generation = generationOf(rows.find((k) => k.kind === 'generation')?.id);
    const memberLists = this.memberLists === undefined ? undefined : { cache: this.memberLists, generation };
    const known = rows.filter((k) => k.kind !== 'generation');
    const owned = new Set(known.filter((k) => k.kind !== 'label').map((k) => `${k.kind}:${k.id}`));
    // Every named person and album must be present: one that is not the owner's matches nothing, and says nothing.
    if (
      !query.people.every((id) => owned.has(`person:${id}`)) ||
      !query.albums.every((id) => owned.has(`album:${id}`))
    ) {
      return { total: 0, span: null, photos: [] };
    }
    const hidden = known.filter((k) => Number(k.hidden) === 1);
    // Hidden labels leave their photos out like an exclusion, unless the query asks for that label by name.
    const hiddenLabels = hidden
      .filter((k) => k.kind === 'label')
      .map((k) => k.id)
      .filter((label) => !query.labels.includes(label) && !query.exclude.labels.includes(label));
    const effective =
      hiddenLabels.length === 0
        ? query
        : { ...query, exclude: { ...query.exclude, labels: [...query.exclude.labels, ...hiddenLabels] } };
    return searchPhotos(
      this.db,
      {
        ownerId,
        query: effective,
        hiddenPeople: hidden.filter((h) => h.kind === 'person').map((h) => h.id),
        hiddenAlbums: hidden.filter((h) => h.kind === 'album').map((h) => h.id),
      },
      page,
      this.tuning,
      memberLists,
      prerequisites,
    );
  }

  async getPhoto(ownerId: string, photoId: string): Promise<PhotoFacts | undefined> {
    const row = await this.db
      .selectFrom('photos')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('id', '=', photoId)
      .executeTakeFirst();
    if (!row) return undefined;
    const [labels, people, albums] = await Promise.all([
      this.db
        .selectFrom('photo_label_sources')
        .select(['label', 'source', 'confidence'])
        .where('photo_id', '=', row.id)
        .orderBy('source')
        .orderBy('label')
        .execute(),
      this.db
        .selectFrom('photo_people')
        .innerJoin('people', 'people.id', 'photo_people.person_id')
        .select(['people.id', 'people.name'])
        .where('photo_people.photo_id', '=', row.id)
        .where('people.owner_id', '=', ownerId)
        // Face clusters nobody has named yet (name '') are not facts anyone can say.
        .where('people.name', '!=', '')
        .orderBy('people.name')
        .execute(),
      this.db
        .selectFrom('photo_albums')
        .innerJoin('albums', 'albums.id', 'photo_albums.album_id')
        .select(['albums.id', 'albums.name', 'albums.source'])
        .where('photo_albums.photo_id', '=', row.id)
        .where('albums.owner_id', '=', ownerId)
        .orderBy('albums.name')
        .execute(),
    ]);
    return toFacts(row, {
      labels: labels.map((l) => ({ name: l.label, source: l.source, confidence: Number(l.confidence) })),
      people,
      albums,
    });
  }

  /** Caption facts (capture time, place, people's names) of the owner's photos among `photoIds`, in that order. */
  async describePhotos(ownerId: string, photoIds: readonly string[]): Promise<PhotoCaptionFacts[]> {
    const ids = [...new Set(photoIds)];
    if (ids.length === 0) return [];
    const [rows, people] = await Promise.all([
      this.db
        .selectFrom('photos')
        .select(['id', 'taken_local', 'place_city', 'place_region', 'place_country'])
        .where('owner_id', '=', ownerId)
        .where('id', 'in', ids)
        .execute(),
      this.db
        .selectFrom('photo_people')
        .innerJoin('people', 'people.id', 'photo_people.person_id')
        .select(['photo_people.photo_id', 'people.name'])
        .where('people.owner_id', '=', ownerId)
        .where('people.hidden', '=', 0)
        .where('people.name', '!=', '')
        .where('photo_people.photo_id', 'in', ids)
        .orderBy('people.name')
        .execute(),
    ]);
    const namesOf = new Map<string, string[]>();
    for (const person of people) {
      namesOf.set(person.photo_id, [...(namesOf.get(person.photo_id) ?? []), person.name]);
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const hasPlace = row.place_city !== null || row.place_region !== null || row.place_country !== null;
      return [
        {
          id,
          takenLocal: row.taken_local,
          place: hasPlace
            ? { city: row.place_city, region: row.place_region, country: row.place_country }
            : null,
          people: namesOf.get(id) ?? [],
        },
      ];
    });
  }

  /**
   * Favourite/hide one of the owner's photos. Hiding sets the hidden bit of left_out on the photo and its join rows,
   * so no search matches it any more (see schema.ts); unhiding clears it. False when the photo is not the owner's.
   */
  async setPhotoFlags(ownerId: string, photoId: string, flags: PhotoFlagsUpdate): Promise<boolean> {
    const result = await this.db.transaction().execute(async (trx) => {
      const photo = await trx
        .selectFrom('photos')
        .select(['left_out'])
        .where('owner_id', '=', ownerId)
        .where('id', '=', photoId)
        .executeTakeFirst();
      if (!photo) return false;
      if (flags.favorite !== undefined) {
        await trx
          .updateTable('photos')
          .set({ favorite: flag(flags.favorite) })
          .where('owner_id', '=', ownerId)
          .where('id', '=', photoId)
          .execute();
      }
      const before = Number(photo.left_out);
      const after =
        flags.hidden === undefined
          ? before
          : flags.hidden
            ? before | LEFT_OUT_HIDDEN
            : before & ~LEFT_OUT_HIDDEN;
      if (after !== before) {
        const counted = await countEntriesOf(trx, ownerId, [photoId], { places: true });
        await trx
          .updateTable('photos')
          .set({ left_out: after })
          .where('owner_id', '=', ownerId)
          .where('id', '=', photoId)
          .execute();
        for (const table of ['photo_labels', 'photo_people', 'photo_albums'] as const) {
          await trx.updateTable(table).set({ left_out: after }).where('photo_id', '=', photoId).execute();
        }
        await recountEntries(trx, counted);
      }
      return true;
    });
    await flushCommitsToDisk(this.db);
    return result;
  }

  /** Every place (city, region, country) the owner's photos were taken in, as stored. */
  placesInUse(ownerId: string): Promise<VocabularyPlace[]> {
    return placesInUse(this.db, ownerId);
  }

  vocabulary(ownerId: string, limit = 100): Promise<Vocabulary> {
    return libraryVocabulary(this.db, ownerId, limit);
  }

  /** Bumped by the database whenever what free text reads of the owner's library changes (migration 0018). */
  libraryGeneration(ownerId: string): Promise<number> {
    return libraryGeneration(this.db, ownerId);
  }

  /** Hidden people and albums stay in the library but out of searches that do not name them. */
  async setPersonHidden(ownerId: string, personId: string, hidden: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable('people')
      .set({ hidden: flag(hidden) })
      .where('owner_id', '=', ownerId)
      .where('id', '=', personId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Hides (or shows again) every photo carrying a label, for searches that do not name the label. */
  async setLabelHidden(ownerId: string, label: string, hidden: boolean): Promise<void> {
    if (hidden) {
      await this.db
        .insertInto('hidden_labels')
        .values({ owner_id: ownerId, label })
        .onConflict((oc) => oc.columns(['owner_id', 'label']).doNothing())
        .execute();
    } else {
      await this.db
        .deleteFrom('hidden_labels')
        .where('owner_id', '=', ownerId)
        .where('label', '=', label)
        .execute();
    }
    await flushCommitsToDisk(this.db);
  }

  async hiddenLabels(ownerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('hidden_labels')
      .select('label')
      .where('owner_id', '=', ownerId)
      .orderBy('label')
      .execute();
    return rows.map((row) => row.label);
  }

  /** Every album of the owner, hidden ones included (ingest checks them against today's album rule). */
  listAlbums(ownerId: string): Promise<StoredAlbum[]> {
    return listAlbums(this.db, ownerId);
  }

  /** Removes albums that should never have been made; returns the photos that were in them, to be refiled. */
  dropAlbums(ownerId: string, albumIds: readonly string[]): Promise<string[]> {
    return dropAlbums(this.db, ownerId, albumIds);
  }

  async setAlbumHidden(ownerId: string, albumId: string, hidden: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable('albums')
      .set({ hidden: flag(hidden) })
      .where('owner_id', '=', ownerId)
      .where('id', '=', albumId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findByContentHash(ownerId: string, contentHash: string): Promise<StoredSource | undefined> {
    const row = await this.db
      .selectFrom('photos')
      .select(STORED_SOURCE_COLUMNS)
      .where('owner_id', '=', ownerId)
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
    return row && toStoredSource(row);
  }

  /** The photo stored from one path of a source, if any (one S3 event names one key). */
  async findBySourcePath(
    ownerId: string,
    sourceRoot: string,
    sourcePath: string,
  ): Promise<StoredSource | undefined> {
    const row = await this.db
      .selectFrom('photos')
      .select(STORED_SOURCE_COLUMNS)
      .where('owner_id', '=', ownerId)
      .where('source_root', '=', sourceRoot)
      .where('source_path', '=', sourcePath)
      .executeTakeFirst();
    return row && toStoredSource(row);
  }

  /** Sets (or clears) a stored photo's motion part: its Live Photo video came, changed or went. */
  async setMotion(ownerId: string, photoId: string, motion: MotionPart | undefined): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const photo = await trx
        .updateTable('photos')
        .set(motionColumns(motion))
        .where('owner_id', '=', ownerId)
        .where('id', '=', photoId)
        .returning(['taken_local', 'left_out', 'shuffle_key'])
        .executeTakeFirst();
      if (!photo) return;
      // The "live photo" label follows the motion: a video that came makes one, a video that went takes it away.
      const copy = joinCopyOfRow(photo);
      await refileLiveLabel(trx, this.labelParents, { ownerId, photoId, copy }, motion?.kind ?? null);
    });
  }

  /**
   * Stills of one source stored without their perceptual hash yet (a full ingest run's hash stage decodes them:
   * ingest/hash-stage/), in id order from after `afterId`, through the partial index of migration 0016.
   */
  async listPendingHashes(
    ownerId: string,
    sourceRoot: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<PendingHash[]> {
    let query = this.db
      .selectFrom('photos')
      .select(['id', 'source_path', 'media_type', 'bytes'])
      .where('owner_id', '=', ownerId)
      .where('source_root', '=', sourceRoot)
      .where('perceptual_hash', 'is', null)
      // A literal, not a parameter: SQLite uses a partial index only for a WHERE it can see implies the index's.
      .where('media_kind', '=', sql.lit('photo'));
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      sourcePath: r.source_path,
      mediaType: r.media_type,
      bytes: Number(r.bytes),
    }));
  }

  /** Stills of one source stored before capture labels, whose files are to be read for them (capture-pending.ts). */
  listCapturePending(
    ownerId: string,
    sourceRoot: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<CapturePendingPhoto[]> {
    return listCapturePending(this.db, ownerId, sourceRoot, afterId, limit);
  }

  /** Stores the capture labels read from pending stills' files, and takes them off the list (capture-pending.ts). */
  storeCaptureReadings(
    ownerId: string,
    readings: readonly { photoId: string; labels: readonly LabelRecord[] | undefined }[],
  ): Promise<number> {
    return storeCaptureReadings(this.db, this.labelParents, ownerId, readings);
  }

  /** How many stills of one source wait for their perceptual hash (the hash stage's progress total). */
  async countPendingHashes(ownerId: string, sourceRoot: string): Promise<number> {
    const row = await this.db
      .selectFrom('photos')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('owner_id', '=', ownerId)
      .where('source_root', '=', sourceRoot)
      .where('perceptual_hash', 'is', null)
      .where('media_kind', '=', sql.lit('photo'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Stores decoded perceptual hashes and joins each photo to its near-duplicate group, as insertPhoto does for a
   * photo decoded at once, in ONE transaction. A photo deleted or hashed meanwhile is passed over; returns how
   * many were stored.
   */
  async storePerceptualHashes(
    ownerId: string,
    hashes: readonly { photoId: string; perceptualHash: string }[],
  ): Promise<number> {
    if (hashes.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      let stored = 0;
      for (const { photoId, perceptualHash } of hashes) {
        // One statement: stores the hash only where none is stored yet and says when the photo was taken.
        const photo = await trx
          .updateTable('photos')
          .set({ perceptual_hash: perceptualHash })
          .where('owner_id', '=', ownerId)
          .where('id', '=', photoId)
          .where('perceptual_hash', 'is', null)
          .returning('taken_local')
          .executeTakeFirst();
        if (!photo) continue;
        await joinDuplicateGroup(trx, {
          ownerId,
          id: photoId,
          takenLocal: photo.taken_local,
          perceptualHash,
        });
        stored += 1;
      }
      return stored;
    });
  }

  /** Every photo stored from one folder, so ingest can tell which originals have gone. */
  async listSources(ownerId: string, sourceRoot: string): Promise<StoredSource[]> {
    const rows = await this.db
      .selectFrom('photos')
      .select(STORED_SOURCE_COLUMNS)
      .where('owner_id', '=', ownerId)
      .where('source_root', '=', sourceRoot)
      .execute();
    return rows.map(toStoredSource);
  }

  /**
   * Stores a photo with its labels, people and albums, and joins it to its near-duplicate group, in ONE
   * transaction: a crash never leaves half a photo. False when the owner already has these bytes.
   */
  async insertPhoto(photo: PhotoRecord, labels: readonly LabelRecord[]): Promise<boolean> {
    const [stored] = await this.insertPhotos([{ photo, labels }]);
    return stored === true;
  }

  /**
   * Stores several photos as insertPhoto does each, in ONE transaction: ingest commits a batch at a time (a commit
   * per photo held it near 300 photos/s, issue #16), and a crash loses at most the batch, which a rerun redoes.
   * Returns, in order, whether each was stored: false when its bytes were already stored (also by an earlier
   * photo of the same batch). The per-month counts of the whole batch are added in one upsert at the end.
   */
  async insertPhotos(photos: readonly NewPhoto[]): Promise<boolean[]> {
    if (photos.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      const stored: boolean[] = [];
      const counted: { photo: PhotoRecord; number: number; keys: CountedKey[]; places: PlaceTexts }[] = [];
      // One block of numbers per owner for the batch; a photo not stored (its bytes already are) leaves a gap.
      const nextNumber = new Map<string, number>();
      for (const ownerId of new Set(photos.map(({ photo }) => photo.ownerId))) {
        const count = photos.filter(({ photo }) => photo.ownerId === ownerId).length;
        nextNumber.set(ownerId, await takePhotoNumbers(trx, ownerId, count));
      }
      for (const { photo, labels } of photos) {
        const number = nextNumber.get(photo.ownerId) ?? 0;
        nextNumber.set(photo.ownerId, number + 1);
        const keys = await this.insertOne(trx, photo, number, labels);
        stored.push(keys !== undefined);
        if (keys) counted.push({ photo, number, keys, places: placeTextsOf(photo.place) });
      }
      // Place names are counted as the database folds them: one statement for the batch's distinct names.
      const folded = await foldPlaceNames(
        trx,
        counted.flatMap(({ places }) => Object.values(places).flatMap((text) => text ?? [])),
      );
      const counts = new KeyMonthTally();
      for (const { photo, number, keys, places } of counted) {
        counts.add(
          { ownerId: photo.ownerId, takenLocal: photo.takenLocal, leftOut: leftOutOf(photo), number },
          [{ kind: 'media', key: photo.mediaKind }, ...keys, ...placeKeysOf(places, folded)],
        );
      }
      await countInsertedPhotos(trx, counts.rows());
      return stored;
    });
  }

  /** One photo's rows inside the batch's transaction; the keys it is counted under, or undefined if not stored. */
  private async insertOne(
    trx: Transaction<LibraryDatabase>,
    photo: PhotoRecord,
    number: number,
    labels: readonly LabelRecord[],
  ): Promise<CountedKey[] | undefined> {
    const result = await trx
      .insertInto('photos')
      .values({ ...toRow(photo), photo_number: number })
      .onConflict((oc) => oc.columns(['owner_id', 'content_hash']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
    const copy: JoinCopy = {
      takenLocal: photo.takenLocal,
      leftOut: leftOutOf(photo),
      shuffleKey: shuffleKeyFor(photo.id),
    };
    const filed = await insertLabels(trx, photo.ownerId, photo.id, copy, labels, this.labelParents);
    const people = await linkPeople(trx, photo.ownerId, photo.id, copy, photo.people);
    const albums = await linkAlbums(trx, photo.ownerId, photo.id, copy, photo.albums);
    await joinDuplicateGroup(trx, photo);
    return [
      ...filed.map((key) => ({ kind: 'label' as const, key })),
      ...people.map((key) => ({ kind: 'person' as const, key })),
      ...albums.map((key) => ({ kind: 'album' as const, key })),
    ];
  }

  /** Points a stored photo at the place its bytes now live. */
  async updateSource(ownerId: string, photoId: string, update: SourceUpdate): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const photo = await trx
        .selectFrom('photos')
        .select(['taken_local', 'left_out', 'shuffle_key'])
        .where('owner_id', '=', ownerId)
        .where('id', '=', photoId)
        .executeTakeFirst();
      if (!photo) return;
      // Labels and albums may come and go: every key the photo was or now is under is recounted.
      await recountAround(trx, ownerId, [photoId], async () => {
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
        const copy = joinCopyOfRow(photo);
        await replaceLabelsFrom(
          trx,
          'folder',
          { ownerId, photoId, copy },
          update.folderLabels,
          this.labelParents,
        );
        if (update.folderAlbums !== undefined) {
          await trx
            .deleteFrom('photo_albums')
            .where('photo_id', '=', photoId)
            .where('album_id', 'in', (eb) =>
              eb
                .selectFrom('albums')
                .select('id')
                .where('owner_id', '=', ownerId)
                .where('source', '=', 'folder'),
            )
            .execute();
          await linkAlbums(
            trx,
            ownerId,
            photoId,
            copy,
            update.folderAlbums.map((name) => ({ name, source: 'folder' as const })),
          );
        }
      });
    });
  }

  /** Removes photos and their labels, people and album links; a group that lost its first photo gets a new one. */
  async deletePhotos(ownerId: string, photoIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (let start = 0; start < photoIds.length; start += DELETE_CHUNK) {
      const chunk = photoIds.slice(start, start + DELETE_CHUNK);
      await this.db.transaction().execute(async (trx) => {
        const owned = await trx
          .selectFrom('photos')
          .select(['id', 'duplicate_group_id'])
          .where('owner_id', '=', ownerId)
          .where('id', 'in', chunk)
          .execute();
        if (owned.length === 0) return;
        const ids = owned.map((p) => p.id);
        const counted = await countEntriesOf(trx, ownerId, ids, { places: true });
        // Join rows first: PostgreSQL enforces the cascade, but SQLite only does with foreign_keys on.
        await trx.deleteFrom('photo_label_sources').where('photo_id', 'in', ids).execute();
        await trx.deleteFrom('photo_labels').where('photo_id', 'in', ids).execute();
        await trx.deleteFrom('photo_people').where('photo_id', 'in', ids).execute();
        await trx.deleteFrom('photo_albums').where('photo_id', 'in', ids).execute();
        await trx.deleteFrom('capture_pending').where('photo_id', 'in', ids).execute();
        const result = await trx
          .deleteFrom('photos')
          .where('owner_id', '=', ownerId)
          .where('id', 'in', ids)
          .executeTakeFirst();
        deleted += Number(result.numDeletedRows);
        await recountEntries(trx, counted);
        const groups = new Set(
          owned.flatMap((p) => (p.duplicate_group_id === null ? [] : [p.duplicate_group_id])),
        );
        for (const group of groups) await regroup(trx, ownerId, group);
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

  /**
   * Refreshes the planner's statistics after a bulk change (an ingest run): SQLite only picks the selective index
   * for `id IN (…)` searches once it knows how many rows each index key has.
   */
  async refreshStatistics(): Promise<void> {
    await sql`analyze`.execute(this.db);
  }
}

async function linkPeople(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoId: string,
  copy: JoinCopy,
  names: readonly string[],
): Promise<string[]> {
  const people = uniqueByNormalizedName(names.map((name) => ({ name })));
  if (people.length === 0) return [];
  await trx
    .insertInto('people')
    .values(
      people.map((p) => ({
        id: personIdFor(ownerId, p.normalized),
        owner_id: ownerId,
        name: p.name,
        normalized_name: p.normalized,
        hidden: 0 as const,
      })),
    )
    .onConflict((oc) => oc.columns(['owner_id', 'normalized_name']).doNothing())
    .execute();
  await trx
    .insertInto('photo_people')
    .values(
      people.map((p) => ({
        photo_id: photoId,
        person_id: personIdFor(ownerId, p.normalized),
        taken_local: copy.takenLocal,
        left_out: copy.leftOut,
        shuffle_key: copy.shuffleKey,
      })),
    )
    .onConflict((oc) => oc.columns(['photo_id', 'person_id']).doNothing())
    .execute();
  return people.map((p) => personIdFor(ownerId, p.normalized));
}

async function linkAlbums(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoId: string,
  copy: JoinCopy,
  records: readonly AlbumRecord[],
): Promise<string[]> {
  const albums = uniqueByNormalizedName(records);
  if (albums.length === 0) return [];
  await trx
    .insertInto('albums')
    .values(
      albums.map((a) => ({
        id: albumIdFor(ownerId, a.normalized),
        owner_id: ownerId,
        name: a.name,
        normalized_name: a.normalized,
        source: a.source,
        hidden: 0 as const,
      })),
    )
    .onConflict((oc) => oc.columns(['owner_id', 'normalized_name']).doNothing())
    .execute();
  await trx
    .insertInto('photo_albums')
    .values(
      albums.map((a) => ({
        photo_id: photoId,
        album_id: albumIdFor(ownerId, a.normalized),
        taken_local: copy.takenLocal,
        left_out: copy.leftOut,
        shuffle_key: copy.shuffleKey,
      })),
    )
    .onConflict((oc) => oc.columns(['photo_id', 'album_id']).doNothing())
    .execute();
  return albums.map((a) => albumIdFor(ownerId, a.normalized));
}

function uniqueByNormalizedName<T extends { name: string }>(
  items: readonly T[],
): (T & { normalized: string })[] {
  const byName = new Map<string, T & { normalized: string }>();
  for (const item of items) {
    const name = item.name.trim();
    const normalized = normalizeName(name);
    if (normalized.length > 0 && !byName.has(normalized))
      byName.set(normalized, { ...item, name, normalized });
  }
  return [...byName.values()];
}

/**
 * Puts a new photo in the group of its near-duplicates: same owner, capture time within the window (found through
 * the (owner_id, taken_local) index, never a scan), perceptual hash within the Hamming distance. Groups it bridges
 * are merged into one, under the smallest id of all (chooseGroup).
 */
async function joinDuplicateGroup(
  trx: Transaction<LibraryDatabase>,
  photo: Pick<PhotoRecord, 'ownerId' | 'id' | 'takenLocal' | 'perceptualHash'>,
): Promise<void> {
  if (photo.perceptualHash === null || photo.takenLocal === null) return;
  const [from, to] = captureWindow(photo.takenLocal);
  const candidates = await trx
    .selectFrom('photos')
    .select(['id', 'perceptual_hash', 'duplicate_group_id'])
    .where('owner_id', '=', photo.ownerId)
    .where('taken_local', '>=', from)
    .where('taken_local', '<=', to)
    .where('id', '!=', photo.id)
    .where('perceptual_hash', 'is not', null)
    .execute();
  const hash = photo.perceptualHash;
  const near = candidates
    .filter(
      (c) => c.perceptual_hash !== null && hammingDistance(c.perceptual_hash, hash) <= MAX_HAMMING_DISTANCE,
    )
    .map((c) => ({ id: c.id, duplicateGroupId: c.duplicate_group_id }));
  const group = chooseGroup(photo.id, near);
  if (group === undefined) return;
  const merged = [
    ...new Set(near.map((n) => n.duplicateGroupId).filter((g): g is string => g !== null && g !== group)),
  ];
  await trx
    .updateTable('photos')
    .set({ duplicate_group_id: group })
    .where('owner_id', '=', photo.ownerId)
    .where((eb) =>
      eb.or([
        eb('id', 'in', [photo.id, ...near.filter((n) => n.duplicateGroupId === null).map((n) => n.id)]),
        ...(merged.length > 0 ? [eb('duplicate_group_id', 'in', merged)] : []),
      ]),
    )
    .execute();
}

/** After deletions: a group of one is no group; a group without its first photo is led by its smallest id. */
async function regroup(trx: Transaction<LibraryDatabase>, ownerId: string, group: string): Promise<void> {
  const members = await trx
    .selectFrom('photos')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('duplicate_group_id', '=', group)
    .orderBy('id')
    .execute();
  const leader = members[0]?.id;
  if (leader === undefined || (members.length > 1 && leader === group)) return;
  await trx
    .updateTable('photos')
    .set({ duplicate_group_id: members.length === 1 ? null : leader })
    .where('owner_id', '=', ownerId)
    .where('duplicate_group_id', '=', group)
    .execute();
}

/** What ingest compares a listed file with (the motion part's size tells a live photo's video came or went). */
const STORED_SOURCE_COLUMNS = [
  'id',
  'content_hash',
  'source_root',
  'source_path',
  'bytes',
  'file_mtime',
  'motion_kind',
  'motion_bytes',
] as const;

function toStoredSource(row: Pick<PhotosTable, (typeof STORED_SOURCE_COLUMNS)[number]>): StoredSource {
  return {
    id: row.id,
    contentHash: row.content_hash,
    sourceRoot: row.source_root,
    sourcePath: row.source_path,
    bytes: Number(row.bytes),
    fileMtime: row.file_mtime,
    // Only a companion video is a file of its own; a motion photo's video is part of the photo's bytes.
    motionBytes:
      row.motion_kind === 'live-photo' && row.motion_bytes !== null ? Number(row.motion_bytes) : null,
  };
}

function toRow(photo: PhotoRecord): Omit<PhotosTable, 'photo_number'> {
  return {
    id: photo.id,
    owner_id: photo.ownerId,
    content_hash: photo.contentHash,
    bytes: photo.bytes,
    source_root: photo.sourceRoot,
    source_path: photo.sourcePath,
    source_uri: photo.sourceUri,
    media_type: photo.mediaType,
    media_kind: photo.mediaKind,
    width: photo.width,
    height: photo.height,
    orientation: photo.orientation,
    duration_ms: photo.durationMs,
    taken_local: photo.takenLocal,
    taken_utc: photo.takenUtc,
    taken_time_source: photo.takenTimeSource,
    time_zone: photo.timeZone,
    time_zone_source: photo.timeZoneSource,
    latitude: photo.latitude,
    longitude: photo.longitude,
    ...placeColumns(photo.place),
    camera_make: photo.cameraMake,
    camera_model: photo.cameraModel,
    title: photo.title,
    description: photo.description,
    favorite: flag(photo.favorite),
    rating: photo.rating,
    left_out: leftOutOf(photo),
    perceptual_hash: photo.perceptualHash,
    duplicate_group_id: null,
    taken_month_day: photo.takenLocal === null ? null : dayOf(photo.takenLocal),
    shuffle_key: shuffleKeyFor(photo.id),
    file_mtime: photo.fileMtime,
    ingested_at: photo.ingestedAt,
    ...motionColumns(photo.motion),
  };
}

interface FactsJoins {
  labels: PhotoFacts['labels'];
  people: PhotoFacts['people'];
  albums: PhotoFacts['albums'];
}

function toFacts(row: PhotosTable, joins: FactsJoins): PhotoFacts {
  const hasPlace =
    row.place_city !== null ||
    row.place_region !== null ||
    row.place_country !== null ||
    row.place_sublocation !== null;
  return {
    ...toPhotoSummary(row),
    takenUtc: row.taken_utc,
    takenTimeSource: row.taken_time_source,
    timeZone: row.time_zone,
    timeZoneSource: row.time_zone_source,
    mediaKind: row.media_kind,
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    gps:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude }
        : null,
    place: hasPlace
      ? {
          city: row.place_city,
          region: row.place_region,
          country: row.place_country,
          countryCode: row.place_country_code,
          // The other levels the photo is found by, when known (optional in the contract).
          ...(row.place_sublocation === null ? {} : { sublocation: row.place_sublocation }),
          ...(row.place_metro === null ? {} : { metro: row.place_metro }),
          ...(row.place_county === null ? {} : { county: row.place_county }),
        }
      : null,
    camera:
      row.camera_make !== null || row.camera_model !== null
        ? { make: row.camera_make, model: row.camera_model }
        : null,
    title: row.title,
    description: row.description,
    favorite: Number(row.favorite) === 1,
    rating: row.rating === null ? null : Number(row.rating),
    labels: joins.labels,
    people: joins.people,
    albums: joins.albums,
    duplicateGroupId: row.duplicate_group_id,
    hidden: (Number(row.left_out) & LEFT_OUT_HIDDEN) !== 0,
    ingestedAt: row.ingested_at,
    motionPart: motionFacts(row),
  };
}

function leftOutOf(photo: PhotoRecord): LeftOut {
  return photo.isScreenshot ? LEFT_OUT_SCREENSHOT : 0;
}

function flag(value: boolean): Flag {
  return value ? 1 : 0;
}

/**
 * Screenshots stay out of every search, like hidden labels, unless the query asks for them by name: "show my
 * screenshots" is the `screenshot` label (ingest/capture-labels.ts), which only screenshots carry.
 */
function withScreenshotsAskedFor(query: PhotoQuery): PhotoQuery {
  if (!query.exclude.screenshots || !query.labels.includes(SCREENSHOT_LABEL)) return query;
  return { ...query, exclude: { ...query.exclude, screenshots: false } };
}
