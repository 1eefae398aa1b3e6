import { createHmac, timingSafeEqual } from 'node:crypto';
import { displayErrors } from '../../errors';
import { DISPLAY_PATH_PREFIX } from '../rendition-url';

/** One device rendition of a clip: the clip fitted inside the device's box, aspect kept, never enlarged. */
export interface ClipTarget {
  ownerId: string;
  photoId: string;
  /** The device's screen, in pixels: the clip is at most this wide and this high. */
  width: number;
  height: number;
}

export interface VerifiedClip extends ClipTarget {
  /** unix seconds */
  expiresAt: number;
}

export interface ClipUrlSigner {
  /** Absolute, signed, expiring URL of a clip's device rendition. */
  sign(target: ClipTarget): string;
  /** The poster still of the clip for the same box is a photo rendition; this is only the moving clip. */
  verify(received: ReceivedClipUrl): VerifiedClip;
}

/** What arrived: the path parts already checked for shape, the query values raw. */
export interface ReceivedClipUrl {
  photoId: string;
  width: number;
  height: number;
  owner: unknown;
  exp: unknown;
  sig: unknown;
}

/**
 * A canonical string of its own, so a clip signature can never pass as a photo rendition's (or the reverse); the
 * same keys as photo renditions (the first signs, all verify) and the same lifetime.
 */
const CANONICAL = 'photoframe-clip-v1';
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const EXP_PATTERN = /^\d{1,12}$/;

export function createClipUrlSigner(options: {
  publicBaseUrl: string;
  signingKeys: readonly string[];
  ttlSeconds: number;
  now: () => number;
}): ClipUrlSigner {
  const keys = [...new Set(options.signingKeys)];
  if (keys.length === 0) throw new Error('Clip URLs need at least one signing key');
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const mac = (key: string, fields: readonly string[]): string =>
    createHmac('sha256', key)
      .update([CANONICAL, ...fields].join('\n'))
      .digest('base64url');
  const fieldsOf = (t: ClipTarget, exp: string): string[] => {
    const fields = [t.ownerId, t.photoId, String(t.width), String(t.height), exp];
    if (fields.some((field) => field.includes('\n'))) throw displayErrors.signatureInvalid();
    return fields;
  };
  return {
    sign(target) {
      const exp = String(Math.floor(options.now() / 1000) + options.ttlSeconds);
      const sig = mac(keys[0] as string, fieldsOf(target, exp));
      const query = new URLSearchParams({ owner: target.ownerId, exp, sig });
      const path = `${DISPLAY_PATH_PREFIX}/clips/${encodeURIComponent(target.photoId)}/${target.width}x${target.height}.mp4`;
      return `${base}${path}?${query.toString()}`;
    },
    verify(received) {
      const { owner, exp, sig } = received;
      if (typeof owner !== 'string' || typeof exp !== 'string' || !EXP_PATTERN.test(exp)) {
        throw displayErrors.signatureInvalid();
      }
      if (typeof sig !== 'string' || !SIGNATURE_PATTERN.test(sig)) throw displayErrors.signatureInvalid();
      const target = {
        ownerId: owner,
        photoId: received.photoId,
        width: received.width,
        height: received.height,
      };
      const given = Buffer.from(sig);
      const fields = fieldsOf(target, exp);
      // Every key is tried (no early exit) so timing does not tell which key, if any, matched.
      let valid = false;
      for (const key of keys) valid = timingSafeEqual(Buffer.from(mac(key, fields)), given) || valid;
      if (!valid) throw displayErrors.signatureInvalid();
      const expiresAt = Number(exp);
      if (expiresAt * 1000 <= options.now()) throw displayErrors.urlExpired();
      return { ...target, expiresAt };
    },
  };
}
