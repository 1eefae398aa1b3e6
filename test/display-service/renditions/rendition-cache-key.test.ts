import assert from 'node:assert/strict';
import {
  renditionCacheKey,
  type RenditionCacheKeyParts,
} from '../../../display-service/renditions/rendition-cache-key';

const parts = (extra: Partial<RenditionCacheKeyParts> = {}): RenditionCacheKeyParts => ({
  contentHashes: ['hash-a'],
  width: 1280,
  height: 800,
  shape: 'RECTANGLE',
  composition: 'contain',
  format: 'jpeg',
  pipelineVersion: 'v-test',
  ...extra,
});

describe('renditions/rendition-cache-key', () => {
  it('differs for every part that changes the image: size, format and the faces a crop keeps', () => {
    const base = renditionCacheKey(parts());
    assert.match(base, /^[0-9a-f]{40}$/);
    assert.equal(renditionCacheKey(parts()), base, 'the same parts give the same key');
    const others = [
      parts({ width: 1024, height: 600 }),
      parts({ format: 'webp' }),
      parts({ faces: [[{ left: 0.1, top: 0.2, width: 0.1, height: 0.1 }]] }),
      parts({ faces: [[{ left: 0.5, top: 0.2, width: 0.1, height: 0.1 }]] }),
    ].map(renditionCacheKey);
    assert.equal(new Set([base, ...others]).size, 5);
  });

  it('keeps the key of a photo without faces as it was without the faces part', () => {
    const base = renditionCacheKey(parts());
    assert.equal(renditionCacheKey(parts({ faces: [[]] })), base);
    assert.equal(renditionCacheKey(parts({ faces: [] })), base);
  });
});
