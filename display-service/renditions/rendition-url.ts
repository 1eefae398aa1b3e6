import { createHmac, timingSafeEqual } from 'node:crypto';
import { displayErrors } from '../errors';
import { isComposition, type Composition } from './composition';
import type { ViewportShape } from './presets';

export type { ViewportShape } from './presets';

/** Where the lead mounts the display router; rendition URLs are absolute, so they must name it. */
export const DISPLAY_PATH_PREFIX = '/v1/display';

/** Separates the two photo ids of a `pair` in the URL path; photo ids never contain it. */
export const PHOTO_ID_SEPARATOR = ',';

/** One device-exact image, as named by a rendition URL. */
export interface RenditionTarget {
  ownerId: string;
  photoId: string;
  /** The second photo of a `pair` (shown on the right). */
  pairedPhotoId?: string;
  width: number;
  height: number;
  shape: ViewportShape;
  /** Defaults to `contain`. */
  composition?: Composition;
}

/** A rendition URL whose signature checked out; `expiresAt` is unix seconds. */
export interface VerifiedRendition extends RenditionTarget {
  composition: Composition;
  expiresAt: number;
}

/** What arrived on the wire. Query values are `unknown` because express may hand over arrays or nothing. */
export interface ReceivedRenditionUrl {
  /** From the path, already validated as photo ids (one, or two for a pair). */
  photoIds: readonly string[];
  width: number;
  height: number;
  /**
   * URLs issued before format negotiation ended in `.jpg` and were signed without a composition (v1); they still
   * verify, and are always answered with JPEG.
   */
  legacyJpeg: boolean;
  owner: unknown;
  shape: unknown;
  comp: unknown;
  exp: unknown;
  sig: unknown;
}

export interface RenditionUrlSignerOptions {
  publicBaseUrl: string;
  /** HMAC keys: the first signs, every one verifies, so a key can be rotated without breaking live URLs. */
  signingKeys?: readonly string[];
  /** A single key (same as `signingKeys: [signingKey]`). */
  signingKey?: string;
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
const CANONICAL_V1 = 'photoframe-rendition-v1';
const CANONICAL_V2 = 'photoframe-rendition-v2';
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const EXP_PATTERN = /^\d{1,12}$/;
const SHAPES: readonly string[] = ['RECTANGLE', 'ROUND'] satisfies ViewportShape[];
const MIN_KEY_LENGTH = 16;

/** The ids a target shows, in screen order (left to right). */
export function photoIdsOf(target: RenditionTarget): string[] {
  return target.pairedPhotoId === undefined ? [target.photoId] : [target.photoId, target.pairedPhotoId];
}

export function createRenditionUrlSigner(options: RenditionUrlSignerOptions): RenditionUrlSigner {
  const keys = resolveKeys(options);
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) {
    throw new Error(`Rendition URL TTL must be a positive integer (got ${options.ttlSeconds})`);
  }
  if (!/^https?:$/.test(safeProtocol(options.publicBaseUrl))) {
    throw new Error(
      `Public base URL must be an absolute http(s) URL (got ${JSON.stringify(options.publicBaseUrl)})`,
    );
  }
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const mac = (key: string, canonical: string): string =>
    createHmac('sha256', key).update(canonical).digest('base64url');
  const signingKey = keys[0] as string;

  return {
    sign(target) {
      const composition = target.composition ?? 'contain';
      const ids = photoIdsOf(target);
      if (ids.length !== (composition === 'pair' ? 2 : 1) || ids[0] === ids[1]) {
        throw new Error(`A ${composition} rendition cannot show photos ${ids.join(', ')}`);
      }
      const exp = String(Math.floor(options.now() / 1000) + options.ttlSeconds);
      const fields = { ...target, photoIds: ids, composition, exp };
      const sig = mac(signingKey, canonicalV2(fields));
      const query = new URLSearchParams({
        owner: target.ownerId,
        shape: target.shape,
        comp: composition,
        exp,
        sig,
      });
      const path = `${DISPLAY_PATH_PREFIX}/renditions/${ids.map(encodeURIComponent).join(PHOTO_ID_SEPARATOR)}/${target.width}x${target.height}`;
      return `${base}${path}?${query.toString()}`;
    },

    verify(received) {
      const { owner, shape, exp, sig } = received;
      if (typeof owner !== 'string' || typeof shape !== 'string' || typeof exp !== 'string') {
        throw displayErrors.signatureInvalid();
      }
      if (typeof sig !== 'string' || !SIGNATURE_PATTERN.test(sig)) throw displayErrors.signatureInvalid();
      const comp = received.legacyJpeg ? 'contain' : received.comp;
      if (!received.legacyJpeg && typeof comp !== 'string') throw displayErrors.signatureInvalid();
      const fields = {
        ownerId: owner,
        photoIds: received.photoIds,
        width: received.width,
        height: received.height,
        shape,
        composition: String(comp),
        exp,
      };
      const canonical = received.legacyJpeg ? canonicalV1(fields) : canonicalV2(fields);
      const given = Buffer.from(sig);
      // Every key is tried (no early exit) so timing does not tell which key, if any, matched.
      let valid = false;
      for (const key of keys) valid = timingSafeEqual(Buffer.from(mac(key, canonical)), given) || valid;
      if (!valid) throw displayErrors.signatureInvalid();
      // Only values we signed ourselves reach this point, so these checks guard against our own bugs.
      if (!EXP_PATTERN.test(exp) || !SHAPES.includes(shape) || !isComposition(comp)) {
        throw displayErrors.signatureInvalid();
      }
      const expiresAt = Number(exp);
      if (expiresAt * 1000 <= options.now()) throw displayErrors.urlExpired();
      const [photoId, pairedPhotoId] = received.photoIds;
      if (photoId === undefined) throw displayErrors.signatureInvalid();
      return {
        ownerId: owner,
        photoId,
        ...(pairedPhotoId === undefined ? {} : { pairedPhotoId }),
        width: received.width,
        height: received.height,
        shape: shape as ViewportShape,
        composition: comp,
        expiresAt,
      };
    },
  };
}

function resolveKeys(options: RenditionUrlSignerOptions): string[] {
  const keys = [
    ...(options.signingKeys ?? []),
    ...(options.signingKey === undefined ? [] : [options.signingKey]),
  ];
  if (keys.length === 0) throw new Error('Rendition URLs need at least one signing key');
  for (const key of keys) {
    if (key.length < MIN_KEY_LENGTH) {
      throw new Error(`Rendition signing keys must be at least ${MIN_KEY_LENGTH} characters`);
    }
  }
  return [...new Set(keys)];
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
  photoIds: readonly string[];
  width: number;
  height: number;
  shape: string;
  composition: string;
  exp: string;
}

/** Every parameter, in a fixed order, newline-separated (no parameter may contain a newline). */
function canonicalV2(f: CanonicalFields): string {
  const fields = [
    f.ownerId,
    f.photoIds.join(PHOTO_ID_SEPARATOR),
    String(f.width),
    String(f.height),
    f.shape,
    f.composition,
    f.exp,
  ];
  return joinCanonical(CANONICAL_V2, fields);
}

/** The walking skeleton's `.jpg` URLs: one photo, contain, format in the string. */
function canonicalV1(f: CanonicalFields): string {
  if (f.photoIds.length !== 1) throw displayErrors.signatureInvalid();
  const fields = [f.ownerId, f.photoIds.join(''), String(f.width), String(f.height), f.shape, 'jpg', f.exp];
  return joinCanonical(CANONICAL_V1, fields);
}

function joinCanonical(version: string, fields: readonly string[]): string {
  if (fields.some((field) => field.includes('\n'))) throw displayErrors.signatureInvalid();
  return [version, ...fields].join('\n');
}
