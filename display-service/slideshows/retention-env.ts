import { z } from 'zod';
import type { SlideshowRetentionOptions } from './slideshow-retention';
import { blankIsUnset } from '../../common/config';

/**
 * How long unused slideshows are kept and how many an owner may have, read the same way by every host of the display
 * tier (`npm start` and `npm run start:display`).
 */
export const slideshowRetentionEnvSchema = z.object({
  SLIDESHOW_TTL_HOURS: blankIsUnset(
    z.coerce
      .number({ message: 'must be a number of hours' })
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1 hour (a device pages its slideshow for that long)')
      .max(24 * 365, 'must be at most a year')
      .default(72),
  ),
  SLIDESHOWS_PER_OWNER: blankIsUnset(
    z.coerce
      .number({ message: 'must be a number' })
      .int('must be a whole number')
      .min(10, 'must be at least 10 (each Alexa request makes one)')
      .max(100_000, 'must be at most 100000')
      .default(200),
  ),
});

export function retentionFromEnv(
  env: z.output<typeof slideshowRetentionEnvSchema>,
): Pick<SlideshowRetentionOptions, 'ttlMs' | 'maxPerOwner'> {
  return { ttlMs: env.SLIDESHOW_TTL_HOURS * 3600_000, maxPerOwner: env.SLIDESHOWS_PER_OWNER };
}
