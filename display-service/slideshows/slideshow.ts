import type { PhotoQuery, Viewport } from '../../common/contracts';

/** A stored slideshow: a frozen, ordered list of photos for one owner and one screen. */
export interface Slideshow {
  id: string;
  ownerId: string;
  query: PhotoQuery;
  viewport: Viewport;
  deviceId: string | null;
  total: number;
  span: { first: string; last: string } | null;
  createdAt: string;
}

export interface SlideshowEntry {
  index: number;
  photoId: string;
  takenLocal: string | null;
}
