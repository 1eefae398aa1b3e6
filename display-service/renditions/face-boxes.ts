import type { PhotoFacts } from '../../common/contracts';
import type { FaceBox } from './pipeline/context';

/**
 * The faces vision found in a photo, from the provenance the library gives with its facts (fractions of the
 * upright photo): what a crop must keep. Boxes outside the photo are clipped to it, empty ones left out, so a
 * wrong box can never move a crop off the picture.
 */
export function faceBoxesOf(photo: PhotoFacts): FaceBox[] {
  const boxes: FaceBox[] = [];
  for (const person of photo.provenance?.people ?? []) {
    for (const source of person.sources) {
      if (source.kind !== 'face') continue;
      const left = clip(source.box.left);
      const top = clip(source.box.top);
      const width = clip(source.box.left + source.box.width) - left;
      const height = clip(source.box.top + source.box.height) - top;
      if (width > 0 && height > 0) boxes.push({ left, top, width, height });
    }
  }
  return boxes;
}

function clip(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}
