/** The display tier's tables, as Kysely sees them. Types stay portable: text and integers only. */
export interface DisplayDatabase {
  slideshows: SlideshowTable;
  slideshow_items: SlideshowItemTable;
  frame_pairings: FramePairingTable;
  frame_link_attempts: FrameLinkAttemptTable;
  frame_link_audit: FrameLinkAuditTable;
  frame_profiles: FrameProfileTable;
}

export interface SlideshowTable {
  id: string;
  owner_id: string;
  /** The PhotoQuery as JSON, kept so a slideshow can be explained or refreshed later. */
  query_json: string;
  viewport_width: number;
  viewport_height: number;
  viewport_shape: string;
  device_id: string | null;
  /** Items (a pair is one item); 0 for ambient slideshows, whose items are made as they are asked for. */
  total: number;
  span_first: string | null;
  span_last: string | null;
  /** ISO-8601 UTC. */
  created_at: string;
  /** 'playlist' (a frozen list over a query) or 'ambient' (endless, per device). */
  kind: string;
  /** Photos across all items (a pair counts two); playlists only. */
  photo_count: number;
  /** Ambient: the index the device last reported showing. */
  position: number;
  /** Ambient: 1 when each day opens with memories. */
  memories: number | null;
  /** Ambient: IANA zone deciding what "today" is. */
  time_zone: string | null;
  /** ISO-8601 UTC of the last page read (recorded at most once a minute); null until first paged. */
  last_used_at?: string | null;
  /** Ambient: the share of items that are clips, in percent; null or absent: none (made before clips were mixed in). */
  clip_share?: number | null;
}

export interface SlideshowItemTable {
  slideshow_id: string;
  /** 0-based position; `index` itself is a reserved word in SQL. */
  item_index: number;
  photo_id: string;
  /** The right-hand photo of a pair; null for a single photo. */
  paired_photo_id: string | null;
  taken_local: string | null;
  /** SlideshowCaption as JSON; null on items stored before captions existed. */
  caption_json: string | null;
  /** Ambient: the shuffle-bag epoch this item's photos count as shown in; null for playlists. */
  bag_epoch: number | null;
  /** Ambient: the bag's state after this item (AmbientBagState as JSON), on the last item of each batch only. */
  bag_state: string | null;
}

/** A web frame (issue 7): the secret it proves itself with, and the owner it shows once linked. */
export interface FramePairingTable {
  /** `fr_…`, also the frame's device id for its ambient slideshow. */
  frame_id: string;
  /** SHA-256 (base64url) of the frame's secret token; the token itself is never stored. */
  token_hash: string;
  /** Null until linked. */
  owner_id: string | null;
  /** The code the unlinked frame shows; null once used. */
  code: string | null;
  /** ms since the epoch. bigint in SQL: PostgreSQL hands it back as a string, hence the union. */
  code_expires_at: number | string | null;
  /** ISO-8601 UTC. */
  created_at: string;
  linked_at: string | null;
}

/** Frame-link attempts in the current window for one scope (`owner:<id>` or `code:<digits>`). */
export interface FrameLinkAttemptTable {
  scope: string;
  /** ms since the epoch (see code_expires_at). */
  window_start: number | string;
  attempts: number;
}

/** Who linked or unlinked which frame, and when. */
export interface FrameLinkAuditTable {
  frame_id: string;
  owner_id: string;
  action: 'linked' | 'unlinked';
  /** The credential id, or `service` for a tier acting for the owner. */
  actor: string;
  /** ISO-8601 UTC. */
  at: string;
}

/** A frame's profile (see display-service/profiles/frame-profile.ts). */
export interface FrameProfileTable {
  owner_id: string;
  /** `web-frame:…` for a web frame, the Alexa device id for an Echo Show. */
  device_id: string;
  /** Settings, `shows` and the selection it became, as JSON. */
  profile_json: string;
  /** Changes on every save. */
  version: string;
  /** ISO-8601 UTC. */
  updated_at: string;
}
