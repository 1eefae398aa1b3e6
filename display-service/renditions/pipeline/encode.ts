import type { JpegOptions, Sharp } from 'sharp';
import type { FormatSettings, OutputFormat } from '../output-formats';
import { required, type RenditionStage } from './context';

/** Devices and CDNs handle anything under this comfortably; a busy 4K photo may need a second, lower pass. */
export const MAX_OUTPUT_BYTES = 2 * 1024 * 1024;
/** Quality steps below the configured one, tried only while the image is still over MAX_OUTPUT_BYTES. */
const QUALITY_STEPS = [0, 10, 20, 30] as const;

/**
 * Encodes in the negotiated format with no metadata at all: sharp writes no EXIF, GPS, XMP, IPTC or ICC unless
 * asked, and this stage never asks (no withMetadata/keepExif), so nothing private leaves with the pixels.
 */
export const encode: RenditionStage = {
  name: 'encode',
  async run(context) {
    const composed = required(context.composed, 'composed', this.name);
    let output: Buffer | undefined;
    try {
      for (const step of QUALITY_STEPS) {
        context.signal.throwIfAborted();
        const quality = Math.max(20, context.formats[context.job.format].quality - step);
        // Compositing adds an alpha channel; no screen needs one, and AVIF would spend bytes encoding it.
        const opaque = composed().removeAlpha();
        output = await encoder(opaque, context.job.format, quality, context.formats).toBuffer();
        if (output.length <= MAX_OUTPUT_BYTES) break;
      }
    } finally {
      // Every encode above has settled (awaited), so libvips no longer reads the screen's pixels.
      context.composed = undefined;
      context.releaseComposed?.();
      context.releaseComposed = undefined;
    }
    context.output = required(output, 'output', this.name);
  },
};

/**
 * Progressive JPEG with mozjpeg's quantisation tables and overshoot deringing, but without its trellis
 * quantisation and scan optimisation: on a 1280x800 photo those two cost ~80 ms of the ~90 ms encode (7x the
 * rest) on this project's 2-core machines for ~40 % fewer bytes; at 20-100 KB per rendition the CPU matters more.
 */
export function jpegOptions(quality: number): JpegOptions {
  return {
    quality,
    progressive: true,
    mozjpeg: true,
    trellisQuantisation: false,
    optimiseScans: false,
  };
}

function encoder(image: Sharp, format: OutputFormat, quality: number, settings: FormatSettings): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg(jpegOptions(quality));
    case 'webp':
      return image.webp({ quality, effort: settings.webp.effort });
    case 'avif':
      return image.avif({ quality, effort: settings.avif.effort });
  }
}
