import type { TakenTimeSource } from '../../common/contracts';

export type { TakenTimeSource };
export type MediaKind = 'photo' | 'video';
/** Where a live photo's motion lives: a companion video file, or an MP4 appended to the photo itself. */
export type MotionKind = 'live-photo' | 'motion-photo';
export type TimeZoneSource = 'exif-offset' | 'gps' | 'sidecar';
export type AlbumSource = 'folder' | 'takeout';
/** SQLite has no boolean: 0/1 integers on both engines. */
export type Flag = 0 | 1;
/**
 * Why a photo stays out of ordinary searches, as bits: 1 = screenshot, 2 = hidden by its owner. Searches take
 * `left_out = 0` (screenshots excluded, the default) or `left_out in (0, 1)`; hidden photos match neither.
 */
export type LeftOut = number;
export const LEFT_OUT_SCREENSHOT = 1;
export const LEFT_OUT_HIDDEN = 2;
/**
 * 'sun': the sun's position at the capture instant and place agreed with the picture's light (labels/sun/).
 * 'capture': how the file says the photo was made: a front camera, a panorama, a screen capture, one colour channel
 * (ingest/capture-labels.ts).
 */
export type LabelSource = 'keyword' | 'folder' | 'sidecar' | 'vision' | 'sun' | 'capture';

/** Row types for Kysely. Times are ISO-8601 text so both SQLite and PostgreSQL store and compare them alike. */
export interface PhotosTable {
  id: string;
  owner_id: string;
  content_hash: string;
  bytes: number;
  /** Absolute folder the photo was ingested from. */
  source_root: string;
  /** Relative to source_root, '/'-separated. */
  source_path: string;
  source_uri: string;
  media_type: string;
  /** Displayed size: EXIF orientation applied. */
  width: number;
  height: number;
  orientation: number;
  /** Capture-local `YYYY-MM-DDTHH:mm:ss`. */
  taken_local: string | null;
  taken_utc: string | null;
  taken_time_source: TakenTimeSource;
  latitude: number | null;
  longitude: number | null;
  camera_make: string | null;
  camera_model: string | null;
  file_mtime: string;
  ingested_at: string;
  media_kind: MediaKind;
  duration_ms: number | null;
  /** IANA zone or `±HH:MM`. */
  time_zone: string | null;
  time_zone_source: TimeZoneSource | null;
  title: string | null;
  description: string | null;
  favorite: Flag;
  rating: number | null;
  left_out: LeftOut;
  /** 16 hex characters (64-bit dHash). */
  perceptual_hash: string | null;
  /** Id of the group's first photo; null while the photo has no near-duplicate. */
  duplicate_group_id: string | null;
  /** Canonical names of every level the photo was taken at (migration 0006 added sublocation, metro, county). */
  place_sublocation: string | null;
  place_city: string | null;
  place_metro: string | null;
  place_county: string | null;
  place_region: string | null;
  place_country: string | null;
  place_country_code: string | null;
  /** GeoNames admin-1 and admin-2 codes inside the country ("CA", "059"). */
  place_region_code: string | null;
  place_county_code: string | null;
  /** `MM-DD` of taken_local, for "on this day" without date arithmetic in SQL. */
  taken_month_day: string | null;
  /** Stable pseudo-random 31-bit integer derived from the id; seeded shuffles are computed from it. */
  shuffle_key: number;
  /**
   * A live photo's motion part (migration 0012), all null for other photos: a companion video (`live-photo`, at
   * motion_uri / motion_path) or an MP4 inside the photo's own file (`motion-photo`, motion_uri null).
   */
  motion_kind: MotionKind | null;
  motion_uri: string | null;
  motion_path: string | null;
  motion_offset: number | null;
  motion_bytes: number | null;
  motion_duration_ms: number | null;
  /**
   * The photo's number among its owner's (migration 0021; repositories/photo-numbers.ts), as member lists hold it.
   * Null only between a bulk load and its numbering.
   */
  photo_number: number | null;
}

/*
 * The join tables repeat the photo's owner, capture time, left-out bits and shuffle key, so a search on one label,
 * person or album (with or without a date range, in any order) counts and pages its matches from one index, reading
 * photo rows only for the page.
 */
/** One searchable row per (photo, label), the label's parents included ("dog" is also filed under "animal"). */
export interface PhotoLabelsTable {
  photo_id: string;
  label: string;
  owner_id: string;
  taken_local: string | null;
  left_out: LeftOut;
  shuffle_key: number;
}

/** Where each of a photo's own labels came from (parents are not stored here: they are derived). */
export interface PhotoLabelSourcesTable {
  photo_id: string;
  label: string;
  source: LabelSource;
  confidence: number;
  /** The source's own words (keyword as written, folder name, sidecar text); null for vision and sun (migration 0010). */
  detail: string | null;
}

export interface PeopleTable {
  id: string;
  owner_id: string;
  name: string;
  normalized_name: string;
  hidden: Flag;
}

export interface PhotoPeopleTable {
  photo_id: string;
  person_id: string;
  taken_local: string | null;
  left_out: LeftOut;
  shuffle_key: number;
}

export interface AlbumsTable {
  id: string;
  owner_id: string;
  name: string;
  normalized_name: string;
  source: AlbumSource;
  hidden: Flag;
}

export interface PhotoAlbumsTable {
  photo_id: string;
  album_id: string;
  taken_local: string | null;
  left_out: LeftOut;
  shuffle_key: number;
}

export interface IngestSkipsTable {
  owner_id: string;
  source_root: string;
  source_path: string;
  reason_code: string;
  message: string;
  seen_at: string;
}

/** Matches per capture month, so big keys are counted without reading their index entries (migration 0003). */
export interface SearchKeyMonthsTable {
  owner_id: string;
  kind: SearchKeyKind;
  /**
   * Label name, person id or album id; '' for kind 'all'; the place name as the database's lower() folds it; the
   * capture's `MM-DD` for kind 'day' (migration 0020); the media kind ('photo', 'video') for kind 'media' (0022).
   */
  key: string;
  /** `YYYY-MM`; '' for undated photos. */
  month: string;
  left_out: LeftOut;
  photos: number;
  first_taken: string | null;
  last_taken: string | null;
  /**
   * The photo numbers counted, for labels, people, albums and places (migration 0021, repositories/key-members.ts);
   * null for the other kinds.
   */
  members: Buffer | null;
}
export type SearchKeyKind = 'all' | 'day' | 'media' | 'label' | 'person' | 'album' | PlaceKeyKind;
/** A place name at one level (migration 0019): a one-place search is counted like a label. */
export type PlaceKeyKind =
  'place_sublocation' | 'place_city' | 'place_metro' | 'place_county' | 'place_region' | 'place_country';

/** One row per photo vision has looked at (migration 0004): analysed once per model version. */
export interface PhotoVisionTable {
  photo_id: string;
  owner_id: string;
  model_version: string;
  outcome: VisionOutcome;
  /** Why vision skipped the photo. */
  message: string | null;
  analysed_at: string;
}
export type VisionOutcome = 'analysed' | 'skipped';

/** A face vision found in a photo, kept only inside a person (see vision/face-filter.ts). */
export interface FacesTable {
  id: string;
  owner_id: string;
  photo_id: string;
  /** Fractions of the upright photo's width and height. */
  box_left: number;
  box_top: number;
  box_width: number;
  box_height: number;
  score: number;
  /** base64 of the L2-normalised float32 descriptor (local models). */
  descriptor: string | null;
  /** Rekognition: the face's FaceId in the owner's collection, and the earlier FaceIds it matched (JSON array). */
  provider_face_id: string | null;
  matches: string | null;
  /** The person (cluster) the face belongs to; null until clustered. */
  person_id: string | null;
}

/** People built from faces: the face count at the last clustering and the face that pictures them. */
export interface FaceClustersTable {
  person_id: string;
  owner_id: string;
  faces: number;
  cover_face_id: string | null;
}

/** photo_people rows that exist because of a face, so a face moving away removes only what it added. */
export interface PhotoPeopleByFaceTable {
  photo_id: string;
  person_id: string;
}

/** Labels the owner hid from frames (migration 0005). */
export interface HiddenLabelsTable {
  owner_id: string;
  label: string;
}

/**
 * Per owner, a number the database bumps (migration 0018's triggers) whenever anything free text reads about the
 * library changes: cached text contexts are reused while it stays the same.
 */
export interface LibraryGenerationsTable {
  owner_id: string;
  /** bigint: PostgreSQL returns it as text. */
  generation: number | string;
}

/** Each owner's last photo number given (migration 0021). */
export interface PhotoNumbersTable {
  owner_id: string;
  last_number: number;
}

/**
 * Stills stored before ingest read how a photo was made (migration 0026), whose files a full ingest run reads once
 * more for it (ingest/capture-backfill.ts); a row goes when its photo has been read.
 */
export interface CapturePendingTable {
  photo_id: string;
}

export interface LibraryDatabase {
  capture_pending: CapturePendingTable;
  hidden_labels: HiddenLabelsTable;
  photo_numbers: PhotoNumbersTable;
  library_generations: LibraryGenerationsTable;
  photos: PhotosTable;
  photo_labels: PhotoLabelsTable;
  photo_label_sources: PhotoLabelSourcesTable;
  search_key_months: SearchKeyMonthsTable;
  people: PeopleTable;
  photo_people: PhotoPeopleTable;
  albums: AlbumsTable;
  photo_albums: PhotoAlbumsTable;
  ingest_skips: IngestSkipsTable;
  photo_vision: PhotoVisionTable;
  faces: FacesTable;
  face_clusters: FaceClustersTable;
  photo_people_by_face: PhotoPeopleByFaceTable;
}
