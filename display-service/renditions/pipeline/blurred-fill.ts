import type { RawImage } from './context';

/**
 * The blurred, darkened fill behind a contained photo, made small from the already-decoded photo: its centre
 * cropped to the fill's shape and averaged down (cover), blurred with three box passes (a Gaussian of `sigma`, as
 * libvips' approximate blur does) and darkened by scaling CIE lightness (as sharp's modulate({ brightness }) does,
 * per channel).
 *
 * Hand-written for a measured reason: the same steps as one sharp call (resize, blur, modulate) cost ~5 ms of CPU
 * per rendition, nearly all of it libvips setting up each operation (Gaussian masks, colour-space conversions) for a
 * 160x100 image; these loops take ~1 ms (npm run bench:display). The look is held to the libvips reference by
 * test/display-service/renditions/pipeline/fill-similarity.test.ts.
 */
export function blurredFill(
  photo: RawImage,
  width: number,
  height: number,
  options: { sigma: number; brightness: number },
): RawImage {
  const channels = photo.channels;
  const small = averagedCover(photo, width, height);
  const blurred = boxBlur(small, width, height, channels, options.sigma);
  return { data: scaledLightness(blurred, channels, options.brightness), width, height, channels };
}

/** The centre of `photo` in the fill's shape, averaged down to width x height (every other pixel: a blur follows). */
function averagedCover(photo: RawImage, width: number, height: number): Float32Array {
  const channels = photo.channels;
  const source = photo.data;
  const rowBytes = photo.width * channels;
  const scale = Math.max(width / photo.width, height / photo.height);
  const step = 1 / scale >= 4 ? 2 : 1;
  const columns = spans(photo.width, width, scale);
  const rows = spans(photo.height, height, scale);
  const out = new Float32Array(width * height * channels);
  let to = 0;
  for (let y = 0; y < height; y++) {
    const firstRow = rows[2 * y]!;
    const endRow = rows[2 * y + 1]!;
    for (let x = 0; x < width; x++) {
      const first = columns[2 * x]! * channels;
      const end = columns[2 * x + 1]! * channels;
      // Up to four channels summed in locals: a typed array of sums here cost twice the time.
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let count = 0;
      for (let sy = firstRow; sy < endRow; sy += step) {
        const base = sy * rowBytes;
        for (let at = base + first; at < base + end; at += step * channels) {
          s0 += source[at]!;
          if (channels > 1) s1 += source[at + 1]!;
          if (channels > 2) s2 += source[at + 2]!;
          if (channels > 3) s3 += source[at + 3]!;
          count++;
        }
      }
      out[to++] = s0 / count;
      if (channels > 1) out[to++] = s1 / count;
      if (channels > 2) out[to++] = s2 / count;
      if (channels > 3) out[to++] = s3 / count;
    }
  }
  return out;
}

/** For each of `count` output pixels, the [first, end) source pixels it covers in a centred crop scaled by `scale`. */
function spans(size: number, count: number, scale: number): Int32Array {
  const offset = (size - count / scale) / 2;
  const bounds = new Int32Array(2 * count);
  for (let i = 0; i < count; i++) {
    const first = Math.min(size - 1, Math.floor(offset + i / scale));
    bounds[2 * i] = first;
    bounds[2 * i + 1] = Math.max(first + 1, Math.min(size, Math.floor(offset + (i + 1) / scale)));
  }
  return bounds;
}

/** Three box blurs across then down, sized so together they match a Gaussian of `sigma`; edges extend. */
function boxBlur(
  image: Float32Array,
  width: number,
  height: number,
  channels: number,
  sigma: number,
): Float32Array {
  let current: Float32Array = image;
  let scratch: Float32Array = new Float32Array(image.length);
  for (const radius of boxRadii(sigma, 3)) {
    blurLine(current, scratch, width, height, channels, radius, true);
    [current, scratch] = [scratch, current];
    blurLine(current, scratch, width, height, channels, radius, false);
    [current, scratch] = [scratch, current];
  }
  return current;
}

/** The radii of `passes` box filters whose succession has the variance of a Gaussian of `sigma`. */
function boxRadii(sigma: number, passes: number): number[] {
  const ideal = Math.sqrt((12 * sigma * sigma) / passes + 1);
  let lower = Math.floor(ideal);
  if (lower % 2 === 0) lower--;
  const upper = lower + 2;
  const lowerPasses = Math.round(
    (12 * sigma * sigma - passes * lower * lower - 4 * passes * lower - 3 * passes) / (-4 * lower - 4),
  );
  return Array.from({ length: passes }, (_, pass) => ((pass < lowerPasses ? lower : upper) - 1) / 2);
}

/** One box pass along rows (`across`) or columns, with a running sum; samples beyond the edge repeat the edge. */
function blurLine(
  from: Float32Array,
  to: Float32Array,
  width: number,
  height: number,
  channels: number,
  radius: number,
  across: boolean,
): void {
  const length = across ? width : height;
  const lines = across ? height : width;
  const stride = (across ? 1 : width) * channels;
  const lineStride = (across ? width : 1) * channels;
  const size = 2 * radius + 1;
  const last = (length - 1) * stride;
  for (let line = 0; line < lines; line++) {
    for (let c = 0; c < channels; c++) {
      const base = line * lineStride + c;
      let sum = 0;
      for (let i = -radius; i <= radius; i++)
        sum += from[base + Math.min(length - 1, Math.max(0, i)) * stride]!;
      for (let i = 0; i < length; i++) {
        to[base + i * stride] = sum / size;
        const entering = i + radius + 1;
        const leaving = i - radius;
        sum +=
          from[base + (entering < length ? entering * stride : last)]! -
          from[base + (leaving > 0 ? leaving * stride : 0)]!;
      }
    }
  }
}

const WHITE = [0.95047, 1, 1.08883] as const;
const TO_XYZ = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
] as const;
const FROM_XYZ = [
  [3.2404542, -1.5371385, -0.4985314],
  [-0.969266, 1.8760108, 0.041556],
  [0.0556434, -0.2040259, 1.0572252],
] as const;

/**
 * sRGB pixels (0-255, fractional) with their CIE L* scaled by `brightness` and a* b* (so chroma and hue) kept, as
 * sharp's modulate({ brightness }) does through libvips' LCh; one- and two-channel pixels are greys.
 */
function scaledLightness(pixels: Float32Array, channels: number, brightness: number): Buffer {
  const out = Buffer.allocUnsafe(pixels.length);
  const linear = new Float64Array(256);
  for (let level = 0; level < 256; level++) linear[level] = toLinear(level / 255);
  const level = (value: number): number => linear[Math.min(255, Math.max(0, Math.round(value)))]!;
  const lighter = (fy: number): number => ((116 * fy - 16) * brightness + 16) / 116;
  for (let at = 0; at < pixels.length; at += channels) {
    if (channels < 3) {
      out[at] = encode(fInverse(lighter(fLookedUp(level(pixels[at]!)))));
      if (channels === 2) out[at + 1] = Math.round(pixels[at + 1]!);
      continue;
    }
    const r = level(pixels[at]!);
    const g = level(pixels[at + 1]!);
    const b = level(pixels[at + 2]!);
    const fx = fLookedUp((TO_XYZ[0][0] * r + TO_XYZ[0][1] * g + TO_XYZ[0][2] * b) / WHITE[0]);
    const fy = fLookedUp(TO_XYZ[1][0] * r + TO_XYZ[1][1] * g + TO_XYZ[1][2] * b);
    const fz = fLookedUp((TO_XYZ[2][0] * r + TO_XYZ[2][1] * g + TO_XYZ[2][2] * b) / WHITE[2]);
    // L* = 116 fy - 16 is scaled; a* = 500 (fx - fy) and b* = 200 (fy - fz) are kept.
    const fy2 = lighter(fy);
    const x = fInverse(fy2 + (fx - fy)) * WHITE[0];
    const y = fInverse(fy2);
    const z = fInverse(fy2 - (fy - fz)) * WHITE[2];
    out[at] = encode(FROM_XYZ[0][0] * x + FROM_XYZ[0][1] * y + FROM_XYZ[0][2] * z);
    out[at + 1] = encode(FROM_XYZ[1][0] * x + FROM_XYZ[1][1] * y + FROM_XYZ[1][2] * z);
    out[at + 2] = encode(FROM_XYZ[2][0] * x + FROM_XYZ[2][1] * y + FROM_XYZ[2][2] * z);
    for (let c = 3; c < channels; c++) out[at + c] = Math.round(pixels[at + c]!);
  }
  return out;
}

function toLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function f(t: number): number {
  return t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116;
}

/**
 * f over [0, 1] (X/Xn, Y and Z/Zn of sRGB colours never leave it), interpolated from a table: Math.cbrt three times
 * a pixel was 40 % of the fill's CPU. With 4096 steps the error is under 5e-6 (5e-4 of a unit of L*).
 */
function fLookedUp(t: number): number {
  const at = Math.min(1, Math.max(0, t)) * (F_TABLE.length - 2);
  const below = Math.floor(at);
  const low = F_TABLE[below]!;
  return low + (F_TABLE[below + 1]! - low) * (at - below);
}

/** f at 4096 even steps over [0, 1], plus one beyond for the interpolation at 1. */
const F_TABLE = (() => {
  const steps = 4096;
  const table = new Float64Array(steps + 2);
  for (let i = 0; i < table.length; i++) table[i] = f(i / steps);
  return table;
})();

function fInverse(t: number): number {
  return t > 6 / 29 ? t * t * t : ((116 * t - 16) * 27) / 24389;
}

/** Linear light -> the nearest sRGB level, clipped; looked up (pow per pixel cost 4 ms a fill). */
function encode(linear: number): number {
  return ENCODE_TABLE[Math.round(Math.min(1, Math.max(0, linear)) * (ENCODE_TABLE.length - 1))]!;
}

/** 16384 steps: near black, where sRGB is steepest, a step is 0.2 of a level. */
const ENCODE_TABLE = (() => {
  const table = new Uint8Array(16384);
  for (let i = 0; i < table.length; i++) {
    const v = i / (table.length - 1);
    table[i] = Math.round((v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055) * 255);
  }
  return table;
})();
