import { MEDIA_LIMITS } from '../../common/media-limits';

/** Safety limits checked before heavy work, so one hostile or broken original cannot exhaust the service. */
export interface RenditionLimits {
  /** Largest original we will read, in bytes. */
  maxSourceBytes: number;
  /** Largest original we will decode, in pixels (width × height), read from the header before decoding. */
  maxSourcePixels: number;
  /**
   * The deadline of one rendition, from the moment it is asked for (waiting for a render slot and reading the
   * original included): past it the request answers 503 with Retry-After instead of holding the device.
   */
  renderTimeoutMs: number;
}

/** Bytes and pixels are the shared media limits, so every photo ingest accepts can be rendered. */
export const DEFAULT_RENDITION_LIMITS: RenditionLimits = {
  maxSourceBytes: MEDIA_LIMITS.maxOriginalBytes,
  maxSourcePixels: MEDIA_LIMITS.maxImagePixels,
  // Below the web frame's own 15 s request timeout, so a device gets the 503 and its Retry-After rather than
  // giving up first while the server goes on rendering for nobody.
  renderTimeoutMs: 12_000,
};

export function resolveLimits(overrides: Partial<RenditionLimits> = {}): RenditionLimits {
  const limits = { ...DEFAULT_RENDITION_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`Rendition limit ${name} must be a positive integer (got ${String(value)})`);
    }
  }
  return limits;
}
