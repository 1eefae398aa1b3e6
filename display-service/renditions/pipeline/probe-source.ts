import sharp, { type Metadata } from 'sharp';
import { displayErrors } from '../../errors';
import { required, type RenditionStage } from './context';

/**
 * Reads the image header (no pixel decoding) and refuses unreadable or oversized images before any real work.
 * The pixel limit is checked here from the header rather than via sharp's `limitInputPixels`, because sharp
 * reports that as a generic error we would have to recognise by its wording; decoding stages keep
 * `limitInputPixels` as a second guard.
 */
export const probeSource: RenditionStage = {
  name: 'probe-source',
  async run(context) {
    const source = required(context.source, 'source', this.name);
    let metadata: Metadata;
    try {
      metadata = await sharp(source, { failOn: 'error', limitInputPixels: false }).metadata();
    } catch (error) {
      throw displayErrors.sourceUnreadable(error);
    }
    const { width, height, format } = metadata;
    if (!width || !height || !format) {
      throw displayErrors.sourceUnreadable(new Error('image header has no size or format'));
    }
    const pixels = width * height;
    if (pixels > context.limits.maxSourcePixels) {
      throw displayErrors.sourceTooManyPixels(pixels, context.limits.maxSourcePixels);
    }
    context.probe = { width, height, format };
  },
};
