import type { RenditionLimits } from '../limits';
import type { OriginalStore } from '../original-store';
import type { ViewportShape } from '../rendition-url';

/** What to render: one original, sized exactly for one screen. */
export interface RenditionJob {
  /** `file://` or `s3://` URI of the original, as the library reported it. */
  sourceUri: string;
  width: number;
  height: number;
  shape: ViewportShape;
}

/** Uncompressed pixels handed from composition to encoding. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** Shared state of one render. Stages read the inputs and fill in the fields below them, in order. */
export interface RenditionContext {
  readonly job: RenditionJob;
  readonly limits: RenditionLimits;
  readonly originals: OriginalStore;
  /** Aborted when the render times out; stages pass it on to I/O and the runner checks it between stages. */
  readonly signal: AbortSignal;
  /** Set by load-source: the original's bytes, never more than limits.maxSourceBytes. */
  source?: Buffer;
  /** Set by probe-source: the stored (not yet oriented) size and format, read from the header only. */
  probe?: { width: number; height: number; format: string };
  /** Set by compose: exactly job.width × job.height sRGB pixels. */
  composed?: RawImage;
  /** Set by encode: the finished JPEG. */
  output?: Buffer;
}

export interface RenditionStage {
  readonly name: string;
  run(context: RenditionContext): Promise<void>;
}

/** A stage that runs before the one that fills its input is a programming error, not a client error. */
export function required<T>(value: T | undefined, field: string, stage: string): T {
  if (value === undefined)
    throw new Error(`Rendition stage ${stage} needs context.${field}, which is not set`);
  return value;
}

/** sharp's own timeout is in whole seconds; it stops libvips work that outlives the request. */
export function sharpTimeoutSeconds(limits: RenditionLimits): number {
  return Math.max(1, Math.ceil(limits.renderTimeoutMs / 1000));
}
