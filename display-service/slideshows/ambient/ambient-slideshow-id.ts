import { createHash } from 'node:crypto';
import type { RenditionPreset } from '../../renditions/presets';

/**
 * The one ambient slideshow of an owner's device on a screen preset: derived, not stored, so every instance finds
 * (and concurrently creates) the same row. `ss_amb_` + 22 base64url characters of a SHA-256; reads stay
 * owner-scoped, so knowing an id never reveals another owner's slideshow.
 */
export function ambientSlideshowId(ownerId: string, deviceId: string, preset: RenditionPreset): string {
  const digest = createHash('sha256')
    .update(`ambient\n${ownerId}\n${deviceId}\n${preset.name}`)
    .digest('base64url');
  return `ss_amb_${digest.slice(0, 22)}`;
}
