import type { JpegOptions, Sharp } from 'sharp';
import type { FormatSettings, OutputFormat } from '../output-formats';
import { displayErrors } from '../../errors';
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
    } catch (error) {
      // One pass decodes the original here: its decoder's failures are the original's, as in the decode stage.
      if (!context.onePass) throw error;
      if (context.signal.aborted) throw context.signal.reason;
      throw displayErrors.sourceUnreadable(error);
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
 * Baseline JPEG with mozjpeg's quantisation tables, overshoot deringing and optimised Huffman tables, without
 * trellis quantisation, scan optimisation or progressive scans. Measured on real photos' 1280x800 renditions
 * (a forest, a dragonfly and a kite photo; bench/display's encode probe): progressive scans decode to exactly the
 * same pixels but took 19-28 ms to encode against 9-16 ms baseline, for only 1-5 % fewer bytes; trellis and scan
 * optimisation cost ~80 ms more for ~40 % fewer bytes. At 100-300 KB per rendition the CPU matters more, and a
 * slideshow shows a photo only once it has arrived whole, so progressive scans buy the devices nothing.
 */
export function jpegOptions(quality: number): JpegOptions {
  return {
    quality,
    progressive: false,
    quantisationTable: 3,
    overshootDeringing: true,
    optimiseCoding: true,
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
