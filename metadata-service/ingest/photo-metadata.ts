import type { CaptureTime } from './exif-dates';
import type { MotionPart } from './live-photos/motion-part';

export type MediaKind = 'photo' | 'video';

/**
 * What ingest learns from one original (and its sidecar, if any), before it is stored. Readers fill every field;
 * "unknown" is null or empty, never a guess dressed as a fact.
 */
export interface PhotoMetadata {
  /** MIME type of the content (sniffed, not from the file name): image/jpeg, image/heic, video/mp4, … */
  mediaType: string;
  mediaKind: MediaKind;
  /** Displayed size: orientation applied. */
  width: number;
  height: number;
  orientation: number;
  /** Videos only. */
  durationMs: number | null;
  taken: CaptureTime;
  gps: { latitude: number; longitude: number } | null;
  camera: { make: string | null; model: string | null };
  /** XMP dc:subject, IPTC Keywords. */
  keywords: string[];
  /** Google Takeout sidecar (or XMP dc:title / dc:description). */
  title: string | null;
  description: string | null;
  /** Names of people in the photo (Takeout sidecar `people`, XMP face-region names). */
  people: string[];
  /** Takeout `favorited`, XMP Rating 5, or an Apple/Google favourite flag. */
  favorite: boolean;
  /** XMP Rating: -1 rejected, 0 unrated, 1..5. */
  rating: number | null;
  /** Album names carried by the file or its sidecar (folder albums are derived from the path by ingest). */
  albums: string[];
  /** 64-bit difference hash as 16 hex characters, for near-duplicate grouping; null for videos. */
  perceptualHash: string | null;
  /** Screen captures are excluded from frames by default. */
  isScreenshot: boolean;
  /**
   * Where the photo was taken by name (IPTC IIM and XMP location fields); empty when the file names none. A place
   * is made from it only when the photo has no GPS position: GPS wins.
   */
  location: NamedLocation;
  /**
   * Lightroom hierarchical keywords as written ("Animals|Dog"); their vocabulary words become labels and a leaf
   * under a people root ("People|Anna") a person.
   */
  hierarchicalKeywords: string[];
  /** How the photo was made, as far as its file says (capture-labels.ts reads selfies, panoramas and greys in it). */
  capture: CaptureFacts;
  /** A live photo's motion part (its companion video, or the MP4 appended to it); absent for other photos. */
  motion?: MotionPart;
}

export interface CaptureFacts {
  /** The lens as EXIF (LensModel) or XMP names it: phones name the camera ("iPhone 13 front camera 2.71mm f/2.2"). */
  lens: string | null;
  /** XMP GPano:ProjectionType, written by phone cameras' panorama and photo sphere modes. */
  projection: string | null;
  /** Encoded with one colour channel (a greyscale JPEG, PNG or TIFF): black and white by construction. */
  greyscale: boolean;
}

/** A place as a file or sidecar names it; every field optional, as writers fill what they know. */
export interface NamedLocation {
  sublocation?: string;
  city?: string;
  region?: string;
  country?: string;
  /** ISO 3166-1 alpha-2 or alpha-3, as written. */
  countryCode?: string;
}

/** A face another app named, with its box in fractions of the upright photo. */
export interface FaceRegion {
  name: string;
  box: { left: number; top: number; width: number; height: number };
}
