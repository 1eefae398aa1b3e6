import { createHash } from 'node:crypto';
import type { ViewportShape } from './rendition-url';

export interface RenditionCacheKeyParts {
  contentHash: string;
  width: number;
  height: number;
  shape: ViewportShape;
  pipelineVersion: string;
}

/**
 * Same original bytes, same screen, same pipeline → same image. The owner is deliberately absent: two owners with
 * the same photo may share the rendition, and nobody can learn the key without a signed URL for it.
 */
export function renditionCacheKey(parts: RenditionCacheKeyParts): string {
  const canonical = [parts.contentHash, `${parts.width}x${parts.height}`, parts.shape, parts.pipelineVersion];
  return createHash('sha256').update(canonical.join('\n')).digest('hex').slice(0, 40);
}
