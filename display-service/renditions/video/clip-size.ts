/**
 * The size of a clip's device rendition: the clip's displayed size fitted inside the device's box, aspect kept,
 * never enlarged (a phone clip smaller than the screen plays at its own size), both sides even (H.264 4:2:0).
 */
export function clipSizeFor(
  clip: { width: number; height: number },
  box: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(1, box.width / clip.width, box.height / clip.height);
  const even = (value: number, limit: number) => Math.max(2, Math.min(limit, Math.round(value / 2) * 2));
  // Rounding to even may step one pixel over the box; the box's own even floor is the bound.
  return {
    width: even(clip.width * scale, box.width - (box.width % 2)),
    height: even(clip.height * scale, box.height - (box.height % 2)),
  };
}
