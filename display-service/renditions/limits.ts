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

export const DEFAULT_RENDITION_LIMITS: RenditionLimits = {
  maxSourceBytes: 100 * 1024 * 1024,
  // Same default as imgproxy's MaxSrcResolution.
  maxSourcePixels: 50_000_000,
  renderTimeoutMs: 20_000,
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
