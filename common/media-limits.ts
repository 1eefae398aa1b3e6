/**
 * The one set of media limits: what ingest accepts is exactly what the display can render, so nothing indexed is
 * unshowable (before this, ingest took photos up to 100 MP and the display rendered up to 50 MP: a 61 MP photo
 * entered slideshows and every rendition of it was 422).
 *
 * The display renders up to the ingest limit rather than ingest shrinking to the display's, because measuring a
 * 100 MP rendition to 1920×1080 here (2-core machine, MALLOC_ARENA_MAX=2) showed it cheap: a 100 MP JPEG in 0.4 s
 * peaking 25 MB above the process baseline (libjpeg shrink-on-load decodes at 1/8 scale), a 100 MP PNG (no
 * shrink-on-load, decoded in strips) in 2.0 s peaking 70 MB above it; a 61 MP JPEG in 0.5 s.
 */
export const MEDIA_LIMITS = {
  /** Largest still image, in pixels (width × height as the header says), at ingest and at render time. */
  maxImagePixels: 100_000_000,
  /**
   * Largest original file, in bytes, at ingest and read by the display (which reads an original whole, so this
   * also bounds one render's input buffer). Larger files are almost certainly not photos, or are hostile.
   */
  maxOriginalBytes: 200 * 1024 * 1024,
  /**
   * Largest video frame, in pixels: 8K UHD (7680 × 4320). Phones record at most 4K today; a larger frame in a
   * header is a hostile or broken file, and decoding it would cost far more than any screen can show.
   */
  maxVideoPixels: 7680 * 4320,
  /**
   * Longest video, as its container says: 3 hours. Only the first clip cap is ever transcoded, but a header that
   * claims days (or the "endless" all-ones duration) is not a clip a phone made, so it is refused before any work.
   */
  maxVideoDurationMs: 3 * 60 * 60 * 1000,
} as const;
