import { randomBytes } from 'node:crypto';

/** `ss_` + 22 base64url characters (132 random bits): unguessable, URL-safe, fits slideshowIdSchema. */
export function newSlideshowId(): string {
  return `ss_${randomBytes(17).toString('base64url').slice(0, 22)}`;
}
