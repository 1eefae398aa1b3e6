import type { ExifFacts } from './exif-block';
import type { IptcFacts } from './iptc';
import type { XmpFacts } from './xmp';

/** What an image reader learns from one still image, before capture time, sidecars and screenshots are settled. */
export interface ImageFacts {
  mediaType: string;
  /** Displayed size: orientation applied. */
  width: number;
  height: number;
  orientation: number;
  /** Colour channels as encoded, alpha included: 1 (or 2 with alpha) for a greyscale image. */
  channels: number;
  /** Null when the decode was left for the hash stage (ingest/hash-stage/). */
  perceptualHash: string | null;
  exif: ExifFacts;
  xmp: XmpFacts;
  iptc: IptcFacts;
}
