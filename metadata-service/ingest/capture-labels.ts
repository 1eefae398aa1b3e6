import type { LabelRecord } from '../repositories/photo-repository';
import type { MotionKind } from './live-photos/motion-part';
import type { PhotoMetadata } from './photo-metadata';

/** What the file says is as sure as a keyword: it is how the photo was made, not a guess at what it shows. */
const CAPTURE_CONFIDENCE = 1;
/** The label of a still with motion: an Apple Live Photo with its video, a Google or Samsung motion photo. */
export const LIVE_PHOTO_LABEL = 'live photo';

/** The label a still with this motion carries, with the fact it stands on. */
export function liveLabel(kind: MotionKind): LabelRecord {
  return {
    label: LIVE_PHOTO_LABEL,
    source: 'capture',
    confidence: CAPTURE_CONFIDENCE,
    detail: kind === 'live-photo' ? 'motion: a companion video' : 'motion: a video inside the file',
  };
}

/** The label every screenshot carries, and the one label that brings screenshots into a search. */
export const SCREENSHOT_LABEL = 'screenshot';
/** The fact a screenshot's label stands on (ingest recognised it by its name or its iOS mark). */
export const SCREENSHOT_FACT = 'a screen capture';
/**
 * A still at least twice as long as it is high (or high as it is long) is a panorama: phone panoramas run 3:1 to 6:1
 * and photo spheres 2:1, while the widest ordinary frames are 16:9 (1.78) and a phone's 20:9 screen shape is a
 * screenshot, which is labelled as one before its shape is looked at.
 */
export const PANORAMA_MIN_ASPECT = 2;
/**
 * And at least this long: a panorama is stitched from many frames (phones write 5,000-12,000 px; one sent through
 * WhatsApp keeps 1,600), while a 2:1 crop of a word or a banner is a few hundred (the vision evaluation set's
 * scene-text crops, 109x32 to 487x121, were all "panoramas" without it).
 */
export const PANORAMA_MIN_LONG_SIDE = 1000;
/** GPano projections phone cameras write for panoramas and photo spheres. */
const PANORAMA_PROJECTIONS = new Set(['equirectangular', 'cylindrical']);
/**
 * Phones name the camera in EXIF LensModel: iPhones "iPhone 13 front camera 2.71mm f/2.2" or "iPhone X front
 * TrueDepth camera 2.87mm f/2.2", Pixels "Pixel 7 front camera 2.74mm f/2.2". A rear lens is "back camera".
 */
const FRONT_CAMERA = /\bfront\b/i;

type CaptureInput = Pick<
  PhotoMetadata,
  'mediaKind' | 'width' | 'height' | 'isScreenshot' | 'capture' | 'motion'
>;

/**
 * The labels that say how a still was made, from its file alone: `screenshot` (a screen capture), `selfie` (taken
 * with a phone's front camera), `panorama` (a panorama or photo sphere by its projection or shape) and `black and
 * white` (encoded with one colour channel), `live photo` (it has motion: a companion video or one inside the file).
 * Each carries the fact it was read from, for provenance. Videos get none: a screen recording is not a screenshot,
 * and a video's shape says nothing.
 */
export function captureLabels(metadata: CaptureInput): LabelRecord[] {
  if (metadata.mediaKind !== 'photo') return [];
  const labels: LabelRecord[] = [];
  const add = (label: string, detail: string): void => {
    labels.push({ label, source: 'capture', confidence: CAPTURE_CONFIDENCE, detail });
  };
  const { lens, projection, greyscale } = metadata.capture;
  if (metadata.isScreenshot) add(SCREENSHOT_LABEL, SCREENSHOT_FACT);
  if (lens !== null && FRONT_CAMERA.test(lens)) add('selfie', `lens: ${lens}`);
  if (!metadata.isScreenshot) {
    const panorama = panoramaFact(metadata.width, metadata.height, projection);
    if (panorama) add('panorama', panorama);
  }
  if (greyscale) add('black and white', 'one colour channel');
  if (metadata.motion) labels.push(liveLabel(metadata.motion.kind));
  return labels;
}

/** Why a still is a panorama ("projection: equirectangular", "5376x1312"), or undefined. */
export function panoramaFact(width: number, height: number, projection: string | null): string | undefined {
  if (projection !== null && PANORAMA_PROJECTIONS.has(projection.trim().toLowerCase()))
    return `projection: ${projection.trim()}`;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  return short > 0 && long >= PANORAMA_MIN_LONG_SIDE && long >= PANORAMA_MIN_ASPECT * short
    ? `${width}x${height}`
    : undefined;
}
