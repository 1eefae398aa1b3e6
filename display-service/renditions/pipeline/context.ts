import type { Sharp } from 'sharp';
import type { Composition } from '../composition';
import type { RenditionLimits } from '../limits';
import type { OriginalStore } from '../original-store';
import type { FormatSettings, OutputFormat } from '../output-formats';
import type { ViewportShape } from '../presets';
import type { Tile } from './layout';

/** What to render: one or two originals, sized exactly for one screen, in one format. */
export interface RenditionJob {
  /** `file://` or `s3://` URIs of the originals as the library reported them, in screen order (left to right). */
  sourceUris: readonly string[];
  width: number;
  height: number;
  shape: ViewportShape;
  composition: Composition;
  format: OutputFormat;
  /**
   * Faces vision found in each original (same order as sourceUris), kept inside any crop; none or missing means
   * the crop goes where sharp's attention strategy finds the picture interesting.
   */
  faces?: readonly (readonly FaceBox[])[];
}

/** Where a face is: fractions of the upright photo's width and height (the library's face boxes). */
export interface FaceBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Uncompressed 8-bit sRGB pixels. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** An original that is a file on this machine, which libvips opens and streams itself. */
export interface LocalSourceFile {
  path: string;
}

/**
 * An original as the decode stage reads it: the file's bytes (or the local file itself) for anything sharp decodes
 * itself, or pixels already decoded (upright) for formats it cannot (HEIC, through common/images/decode-heic.ts).
 */
export type SourceImage = Buffer | LocalSourceFile | RawImage;

/** The original's encoded form as sharp takes it (bytes or a path), or undefined for decoded pixels. */
export function encodedInput(source: SourceImage): Buffer | string | undefined {
  if (Buffer.isBuffer(source)) return source;
  return 'path' in source ? source.path : undefined;
}

/** An original's header facts: its size as displayed (EXIF orientation applied) and its format. */
export interface SourceProbe {
  width: number;
  height: number;
  format: string;
  /** Only images with an alpha channel need flattening (which costs a full extra pass otherwise). */
  hasAlpha: boolean;
  /** HEVC-coded HEIF: sharp reads its header but has no decoder for it, so decode-heic decodes it first. */
  needsHeicDecoder: boolean;
}

/** Shared state of one render. Stages read the inputs and fill in the fields below them, in order. */
export interface RenditionContext {
  readonly job: RenditionJob;
  readonly limits: RenditionLimits;
  readonly formats: FormatSettings;
  readonly originals: OriginalStore;
  /** Aborted when the render times out; stages pass it on to I/O and the runner checks it between stages. */
  readonly signal: AbortSignal;
  /**
   * Set by load-source: each original's bytes, never more than limits.maxSourceBytes; decode-heic replaces HEIC
   * ones with their decoded pixels; decode lets them go once it has decoded them.
   */
  sources?: SourceImage[];
  /** Set by probe-source: each original's displayed size and format, read from the header only. */
  probes?: SourceProbe[];
  /**
   * Set by one-pass when the whole rendition is one libvips pipeline (original to encoded screen): `composed` then
   * decodes the original itself, so decode and compose have nothing to do, and the encoder's failures are the
   * original's (422), as the decoder's are.
   */
  onePass?: boolean;
  /** Set by decode (and let go by compose): each tile with its original decoded once, at the size it is drawn. */
  tiles?: DecodedTile[];
  /**
   * Set by compose: a fresh sharp pipeline yielding exactly job.width × job.height sRGB pixels each time it is
   * called, so the encoder can run it again at a lower quality without composing by hand twice.
   */
  composed?: () => Sharp;
  /** Gives the composed screen's pixels back for reuse; called by encode once no encoder reads them. */
  releaseComposed?: () => void;
  /** Set by encode: the finished image. */
  output?: Buffer;
}

/** A tile and its photo, decoded upright to exactly the size it is drawn at (3-channel sRGB). */
export interface DecodedTile {
  tile: Tile;
  foreground: RawImage;
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
