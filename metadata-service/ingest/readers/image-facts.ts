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
  perceptualHash: string;
  exif: ExifFacts;
  xmp: XmpFacts;
  iptc: IptcFacts;
}
