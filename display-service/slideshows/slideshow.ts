import type { PhotoQuery, SlideshowCaption, Viewport } from '../../common/contracts';

/**
 * A stored slideshow for one owner and one screen:
 * - 'playlist': a frozen, ordered list of items over a library query, made at creation;
 * - 'ambient': one device's endless shuffle of the whole library, made a batch at a time as pages are asked for.
 */
export interface Slideshow {
  id: string;
  ownerId: string;
  kind: 'playlist' | 'ambient';
  query: PhotoQuery;
  viewport: Viewport;
  deviceId: string | null;
  /** Items (a pair is one). Playlists only; ambient slideshows count what has been made so far. */
  total: number;
  /** Photos across all items (a pair counts two). Playlists only. */
  photoCount: number;
  span: { first: string; last: string } | null;
  createdAt: string;
  /** Last page read (ISO-8601 UTC, recorded at most once a minute); null or absent until first paged. */
  lastUsedAt?: string | null;
  /** Set for ambient slideshows only. */
  ambient: AmbientSettings | null;
}

export interface AmbientSettings {
  /** Each day opens with memories (this week in earlier years). */
  memories: boolean;
  /** IANA zone deciding what "today" is. */
  timeZone: string;
  /** The index the device last reported showing. */
  position: number;
}

/** The photos one item shows: one, or two side by side (left, right). */
export type ItemPhotoIds = readonly [string] | readonly [string, string];

export interface SlideshowEntry {
  index: number;
  photoIds: ItemPhotoIds;
  /** Capture-local time of the (left) photo. */
  takenLocal: string | null;
  caption: SlideshowCaption;
  /** Set when the item is a video clip (never paired): its length, when its container says it. */
  clip?: { durationMs: number | null };
  /** Set when the item is a live photo (never paired): it moves briefly, once, then rests on its still. */
  motion?: { durationMs: number | null };
}
