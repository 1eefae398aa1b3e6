import type { CaptureTime } from './exif-dates';

/** What ingest learns from an original's header and embedded metadata. */
export interface PhotoMetadata {
  mediaType: 'image/jpeg';
  /** Displayed size: orientation applied. */
  width: number;
  height: number;
  orientation: number;
  taken: CaptureTime;
  gps: { latitude: number; longitude: number } | null;
  camera: { make: string | null; model: string | null };
  keywords: string[];
}
