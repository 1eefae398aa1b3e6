import { decodeHeic } from '../../../common/images/decode-heic';
import { displayErrors } from '../../errors';
import { encodedInput, required, type RenditionStage, type SourceImage, type SourceProbe } from './context';

/**
 * Decodes HEIC originals (iPhone photos) to pixels with the shared wasm libheif decoder, since sharp's libheif
 * has no HEVC decoder; every other original passes through untouched. Runs after probe-source, so the byte and
 * pixel limits were already checked on the header, and the decoded size is checked again before use. libheif
 * applies the HEIF's own rotation and mirroring, so the pixels are upright and carry no metadata at all.
 */
export const decodeHeicSources: RenditionStage = {
  name: 'decode-heic',
  async run(context) {
    const sources = required(context.sources, 'sources', this.name);
    const probes = required(context.probes, 'probes', this.name);
    const decoded: SourceImage[] = [];
    const upright: SourceProbe[] = [];
    for (const [at, source] of sources.entries()) {
      const probe = required(probes[at], `probes[${at}]`, this.name);
      const input = encodedInput(source);
      if (!probe.needsHeicDecoder || input === undefined) {
        decoded.push(source);
        upright.push(probe);
        continue;
      }
      context.signal.throwIfAborted();
      // The wasm decoder takes bytes: a local HEIC is read now, through its store, within the same byte limit (its
      // errors keep their own codes: too large, gone).
      const bytes = Buffer.isBuffer(input)
        ? input
        : await context.originals.read(required(context.job.sourceUris[at], `sourceUris[${at}]`, this.name), {
            maxBytes: context.limits.maxSourceBytes,
            signal: context.signal,
          });
      let pixels: Awaited<ReturnType<typeof decodeHeic>>;
      try {
        pixels = await decodeHeic(bytes);
      } catch (error) {
        throw displayErrors.sourceUnreadable(error);
      }
      const count = pixels.width * pixels.height;
      if (count > context.limits.maxSourcePixels) {
        throw displayErrors.sourceTooManyPixels(count, context.limits.maxSourcePixels);
      }
      const data = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
      decoded.push({ data, width: pixels.width, height: pixels.height, channels: 4 });
      // libheif hands over RGBA; the alpha of a photo is opaque, but flattening keeps any that is not correct.
      upright.push({ ...probe, width: pixels.width, height: pixels.height, hasAlpha: true });
    }
    context.sources = decoded;
    context.probes = upright;
  },
};
