import sharp from 'sharp';
import { required, sharpTimeoutSeconds, type RenditionStage } from './context';

/** Devices and CDNs handle anything under this comfortably; a busy 4K photo may need a second, lower pass. */
export const MAX_OUTPUT_BYTES = 2 * 1024 * 1024;
const QUALITIES = [82, 72, 62] as const;

/**
 * Progressive mozjpeg JPEG with no metadata at all: sharp writes no EXIF, GPS, XMP, IPTC or ICC unless asked,
 * and this stage never asks (no withMetadata/keepExif), so nothing private leaves with the pixels.
 */
export const encodeJpeg: RenditionStage = {
  name: 'encode-jpeg',
  async run(context) {
    const composed = required(context.composed, 'composed', this.name);
    let output: Buffer | undefined;
    for (const quality of QUALITIES) {
      context.signal.throwIfAborted();
      output = await sharp(composed.data, {
        raw: { width: composed.width, height: composed.height, channels: composed.channels },
      })
        .timeout({ seconds: sharpTimeoutSeconds(context.limits) })
        .jpeg({ quality, progressive: true, mozjpeg: true })
        .toBuffer();
      if (output.length <= MAX_OUTPUT_BYTES) break;
    }
    context.output = required(output, 'output', this.name);
  },
};
