/** The display tier's tables, as Kysely sees them. Types stay portable: text and integers only. */
export interface DisplayDatabase {
  slideshows: SlideshowTable;
  slideshow_items: SlideshowItemTable;
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
  total: number;
  span_first: string | null;
  span_last: string | null;
  /** ISO-8601 UTC. */
  created_at: string;
}

export interface SlideshowItemTable {
  slideshow_id: string;
  /** 0-based position; `index` itself is a reserved word in SQL. */
  item_index: number;
  photo_id: string;
  taken_local: string | null;
}
