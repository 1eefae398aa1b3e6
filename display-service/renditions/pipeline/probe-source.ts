import sharp, { type Metadata } from 'sharp';
import { displayErrors } from '../../errors';
import { encodedInput, required, type RenditionStage, type SourceProbe } from './context';
import { probeJpeg } from './probe-jpeg';

/**
 * Reads each image header (no pixel decoding) and refuses unreadable or oversized images before any real work: a
 * plain JPEG's from its header segments (probe-jpeg.ts), anything else through libvips.
 * The pixel limit is checked here from the header rather than via sharp's `limitInputPixels`, because sharp
 * reports that as a generic error we would have to recognise by its wording; decoding keeps `limitInputPixels`
 * as a second guard.
 */
export const probeSource: RenditionStage = {
  name: 'probe-source',
  async run(context) {
    const sources = required(context.sources, 'sources', this.name);
    const probes: SourceProbe[] = [];
    for (const source of sources) {
      const input = encodedInput(source);
      if (input === undefined) throw new Error('probe-source runs on the original, before decoding');
      const probe = (await probeJpeg(input)) ?? (await probeWithLibvips(input));
      const pixels = probe.width * probe.height;
      if (pixels > context.limits.maxSourcePixels) {
        throw displayErrors.sourceTooManyPixels(pixels, context.limits.maxSourcePixels);
      }
      probes.push(probe);
    }
    context.probes = probes;
  },
};

async function probeWithLibvips(input: Buffer | string): Promise<SourceProbe> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch (error) {
    throw displayErrors.sourceUnreadable(error);
  }
  const { width, height, format } = metadata;
  if (!width || !height || !format) {
    throw displayErrors.sourceUnreadable(new Error('image header has no size or format'));
  }
  // Orientations 5-8 swap the displayed width and height.
  return {
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    format,
    hasAlpha: metadata.hasAlpha,
    // AVIF is HEIF too, but AV1-coded, which sharp decodes itself.
    needsHeicDecoder: format === 'heif' && metadata.compression === 'hevc',
  };
}
