import type { OriginalInput } from '../../vision/vision-pixels';
import type { CaptureMoment } from './capture-moment';
import { pictureLight, type PictureLight } from './picture-light';
import { sunAt, type SunPosition } from './sun-position';
import { sunInAnyWindow, sunLabelsFor, type SunEvidence } from './sun-rules';

/**
 * Bump when the windows or colour rules (sun-rules.ts), the light statistics (picture-light.ts) or suncalc change:
 * every photo's sun labels are then worked out again (sun-stage.ts), in new and existing libraries alike.
 */
export const SUN_LABELLER_VERSION = 'sun/suncalc-2.0.2/rules-1';

/** What the sun and the picture say about one photo: the moment, the sun then, the light (when looked at), labels. */
export interface SunFinding {
  moment: CaptureMoment;
  sun: SunPosition;
  /** Null when the sun was in no label's window: the picture was not decoded. */
  light: PictureLight | null;
  labels: SunEvidence[];
}

/**
 * The sun labels of one photo taken at `moment`: its own pixels decoded small, then both halves of each rule. A sun
 * in no label's window (most daytime photos) needs no decode: nothing the picture shows could give a label.
 */
export async function findSunLabels(
  moment: CaptureMoment,
  readOriginal: () => Promise<OriginalInput>,
  mediaType: string,
): Promise<SunFinding> {
  const sun = sunAt(moment.instant, moment.latitude, moment.longitude);
  if (!sunInAnyWindow(sun)) return { moment, sun, light: null, labels: [] };
  const light = await pictureLight(await readOriginal(), mediaType);
  return { moment, sun, light, labels: sunLabelsFor(sun, light) };
}
