/** Encodings a rendition can be sent in. JPEG is the default: every APL runtime and browser shows it. */
export const OUTPUT_FORMATS = ['jpeg', 'webp', 'avif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<OutputFormat, string>> = {
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** Encoder settings per format; `quality` is the first try, lowered only when the result would exceed 2 MB. */
export interface FormatSettings {
  jpeg: { quality: number };
  webp: { quality: number; effort: number };
  avif: { quality: number; effort: number };
}

/**
 * Measured on this project's 2-core machines, 1280x800 renditions of 12 MP photos (bench/display):
 * - JPEG q82, baseline with mozjpeg's tables, without trellis (see pipeline/encode.ts jpegOptions): 9-16 ms to
 *   encode a real photo's rendition; full mozjpeg (trellis + scan optimisation) was ~90 ms for ~40 % fewer bytes,
 *   too much CPU per rendition.
 * - WebP q80 effort 4 (libvips default): smaller than the JPEG at similar quality, a few times its encode time.
 * - AVIF q50 effort 4: the smallest by far, but ~1 s per 1280x800 encode, so only for clients that ask for it
 *   (browsers); higher effort buys little size for a lot of CPU on a small machine.
 */
export const DEFAULT_FORMAT_SETTINGS: FormatSettings = {
  jpeg: { quality: 82 },
  webp: { quality: 80, effort: 4 },
  avif: { quality: 50, effort: 4 },
};

export function resolveFormatSettings(overrides: Partial<FormatSettings> = {}): FormatSettings {
  const settings: FormatSettings = {
    jpeg: { ...DEFAULT_FORMAT_SETTINGS.jpeg, ...overrides.jpeg },
    webp: { ...DEFAULT_FORMAT_SETTINGS.webp, ...overrides.webp },
    avif: { ...DEFAULT_FORMAT_SETTINGS.avif, ...overrides.avif },
  };
  for (const format of OUTPUT_FORMATS) {
    const { quality } = settings[format];
    if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
      throw new Error(`${format} quality must be an integer 1..100 (got ${quality})`);
    }
  }
  return settings;
}

/**
 * The format for a request's Accept header: AVIF, then WebP, only when the client names them explicitly
 * (`image/*` and `*\/*` do not count: APL runtimes send those and may not decode either); JPEG otherwise.
 */
export function negotiateFormat(accept: string | undefined): OutputFormat {
  if (!accept) return 'jpeg';
  const listed = new Set<string>();
  for (const range of accept.split(',')) {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    listed.add(type);
  }
  if (listed.has('image/avif')) return 'avif';
  if (listed.has('image/webp')) return 'webp';
  return 'jpeg';
}
