import type { Human } from '@vladmandic/human';
import { searchThreshold } from '../../labels/search-thresholds';
import { detectObjectsInRegions } from '../human-detector';
import type { RgbPixels } from '../vision-pixels';
import type { DetectedObject } from '../vision-types';
import { applySecondLooks, boxInImage, closerScore, lookRegion, secondLookCandidates } from './second-look';

/** The photo's objects after a second, closer look at its doubtful labels (second-look.ts), in a vision worker. */
export async function lookCloser(
  human: Human,
  pixels: RgbPixels,
  objects: readonly DetectedObject[],
): Promise<DetectedObject[]> {
  const candidates = secondLookCandidates(objects, (label) => searchThreshold(label.toLowerCase(), 'vision'));
  if (candidates.length === 0) return [...objects];
  const regions = candidates.map((c) => lookRegion(c.box, pixels.width, pixels.height));
  const found = await detectObjectsInRegions(human, pixels, regions);
  const looks = candidates.map((candidate, i) => {
    const region = regions[i];
    const inCrop = region
      ? (found[i] ?? []).map((o) => ({
          label: o.label,
          score: o.score,
          box: boxInImage(toBox(o.boxRaw), region, pixels.width, pixels.height),
        }))
      : [];
    return { candidate, score: closerScore(candidate, inCrop) };
  });
  return applySecondLooks(objects, looks);
}

function toBox([left, top, width, height]: readonly number[]): DetectedObject['box'] {
  return { left: left ?? 0, top: top ?? 0, width: width ?? 0, height: height ?? 0 };
}
