import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Viewport } from '../../common/contracts';
import { displayErrors } from '../errors';

/** Where the lead mounts the display router; rendition URLs are absolute, so they must name it. */
export const DISPLAY_PATH_PREFIX = '/v1/display';

export type ViewportShape = Viewport['shape'];
export const RENDITION_FORMAT = 'jpg';

/** One device-exact image of one photo, as named by a rendition URL. */
export interface RenditionTarget {
  ownerId: string;
  photoId: string;
  width: number;
  height: number;
  shape: ViewportShape;
}

/** A rendition URL whose signature checked out; `expiresAt` is unix seconds. */
export interface VerifiedRendition extends RenditionTarget {
  expiresAt: number;
}

/** What arrived on the wire. Query values are `unknown` because express may hand over arrays or nothing. */
export interface ReceivedRenditionUrl {
  photoId: string;
  width: number;
  height: number;
  format: string;
  owner: unknown;
  shape: unknown;
  exp: unknown;
  sig: unknown;
}

export interface RenditionUrlSignerOptions {
  publicBaseUrl: string;
  signingKey: string;
  ttlSeconds: number;
  /** ms clock */
  now: () => number;
}

export interface RenditionUrlSigner {
  /** Absolute, signed URL that stays valid for the configured lifetime. */
  sign(target: RenditionTarget): string;
  /** Throws 403 RENDITION_SIGNATURE_INVALID for any tampering, 410 RENDITION_URL_EXPIRED past `exp`. */
  verify(received: ReceivedRenditionUrl): VerifiedRendition;
}

// Bump the version when the canonical string changes, so old and new signatures can never be confused.
const CANONICAL_VERSION = 'photoframe-rendition-v1';
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const EXP_PATTERN = /^\d{1,12}$/;
const SHAPES: readonly string[] = ['RECTANGLE', 'ROUND'] satisfies ViewportShape[];

export function createRenditionUrlSigner(options: RenditionUrlSignerOptions): RenditionUrlSigner {
  if (options.signingKey.length < 16) throw new Error('Rendition signing key must be at least 16 characters');
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) {
    throw new Error(`Rendition URL TTL must be a positive integer (got ${options.ttlSeconds})`);
  }
  if (!/^https?:$/.test(safeProtocol(options.publicBaseUrl))) {
    throw new Error(
      `Public base URL must be an absolute http(s) URL (got ${JSON.stringify(options.publicBaseUrl)})`,
    );
  }
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const mac = (canonical: string): string =>
    createHmac('sha256', options.signingKey).update(canonical).digest('base64url');

  return {
    sign(target) {
      const exp = Math.floor(options.now() / 1000) + options.ttlSeconds;
      const sig = mac(canonicalString({ ...target, format: RENDITION_FORMAT, exp: String(exp) }));
      const query = new URLSearchParams({
        owner: target.ownerId,
        shape: target.shape,
        exp: String(exp),
        sig,
      });
      const path = `${DISPLAY_PATH_PREFIX}/renditions/${encodeURIComponent(target.photoId)}/${target.width}x${target.height}.${RENDITION_FORMAT}`;
      return `${base}${path}?${query.toString()}`;
    },

    verify(received) {
      const { owner, shape, exp, sig } = received;
      if (typeof owner !== 'string' || typeof shape !== 'string' || typeof exp !== 'string') {
        throw displayErrors.signatureInvalid();
      }
      if (typeof sig !== 'string' || !SIGNATURE_PATTERN.test(sig)) throw displayErrors.signatureInvalid();
      const expected = mac(
        canonicalString({
          ownerId: owner,
          photoId: received.photoId,
          width: received.width,
          height: received.height,
          shape,
          format: received.format,
          exp,
        }),
      );
      if (!timingSafeEqual(Buffer.from(expected), Buffer.from(sig))) throw displayErrors.signatureInvalid();
      // Only values we signed ourselves reach this point, so these checks guard against our own bugs.
      if (!EXP_PATTERN.test(exp) || !SHAPES.includes(shape)) throw displayErrors.signatureInvalid();
      const expiresAt = Number(exp);
      if (expiresAt * 1000 <= options.now()) throw displayErrors.urlExpired();
      return {
        ownerId: owner,
        photoId: received.photoId,
        width: received.width,
        height: received.height,
        shape: shape as ViewportShape,
        expiresAt,
      };
    },
  };
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

interface CanonicalFields {
  ownerId: string;
  photoId: string;
  width: number;
  height: number;
  shape: string;
  format: string;
  exp: string;
}

/** Every parameter, in a fixed order, newline-separated (no parameter may contain a newline). */
function canonicalString(f: CanonicalFields): string {
  const fields = [f.ownerId, f.photoId, String(f.width), String(f.height), f.shape, f.format, f.exp];
  if (fields.some((field) => field.includes('\n'))) throw displayErrors.signatureInvalid();
  return [CANONICAL_VERSION, ...fields].join('\n');
}
