import { createHash } from 'node:crypto';
import type { Composition } from './composition';
import type { OutputFormat } from './output-formats';
import type { FaceBox } from './pipeline/context';
import type { ViewportShape } from './presets';

export interface RenditionCacheKeyParts {
  /** The originals' content hashes, in screen order. */
  contentHashes: readonly string[];
  /** Face boxes per original: they move a crop, so they are part of what the image is. */
  faces?: readonly (readonly FaceBox[])[];
  width: number;
  height: number;
  shape: ViewportShape;
  composition: Composition;
  format: OutputFormat;
  pipelineVersion: string;
}

/**
 * Same original bytes, same faces, same screen, composition, format and pipeline → same image. The owner is deliberately
 * absent: two owners with the same photo may share the rendition, and nobody can learn the key without a signed
 * URL for it.
 */
export function renditionCacheKey(parts: RenditionCacheKeyParts): string {
  const canonical = [
    parts.contentHashes.join(','),
    `${parts.width}x${parts.height}`,
    parts.shape,
    parts.composition,
    parts.format,
    parts.pipelineVersion,
  ];
  // Only when there are faces, so keys of photos without any stay as they were.
  const faces = (parts.faces ?? []).map((boxes) =>
    boxes.map((b) => [b.left, b.top, b.width, b.height].map((v) => v.toFixed(4)).join(' ')).join(';'),
  );
  if (faces.some((boxes) => boxes.length > 0)) canonical.push(`faces ${faces.join('|')}`);
  return createHash('sha256').update(canonical.join('\n')).digest('hex').slice(0, 40);
}
