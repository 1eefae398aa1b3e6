import { createHash } from 'node:crypto';
import type { Composition } from './composition';
import type { OutputFormat } from './output-formats';
import type { ViewportShape } from './presets';

export interface RenditionCacheKeyParts {
  /** The originals' content hashes, in screen order. */
  contentHashes: readonly string[];
  width: number;
  height: number;
  shape: ViewportShape;
  composition: Composition;
  format: OutputFormat;
  pipelineVersion: string;
}

/**
 * Same original bytes, same screen, composition, format and pipeline → same image. The owner is deliberately
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
  return createHash('sha256').update(canonical.join('\n')).digest('hex').slice(0, 40);
}
