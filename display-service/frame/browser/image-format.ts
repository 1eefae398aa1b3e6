export type ImageFormat = 'avif' | 'webp' | 'jpeg';

/** 1x1 images, to ask the browser whether it decodes a format (every modern one does WebP; AVIF is newer). */
const PROBES: Record<'avif' | 'webp', string> = {
  avif: 'data:image/avif;base64,AAAAIGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZk1BMUIAAADybWV0YQAAAAAAAAAoaGRscgAAAAAAAAAAcGljdAAAAAAAAAAAAAAAAGxpYmF2aWYAAAAADnBpdG0AAAAAAAEAAAAeaWxvYwAAAABEAAABAAEAAAABAAABGgAAAB0AAAAoaWluZgAAAAAAAQAAABppbmZlAgAAAAABAABhdjAxQ29sb3IAAAAAamlwcnAAAABLaXBjbwAAABRpc3BlAAAAAAAAAAIAAAACAAAAEHBpeGkAAAAAAwgICAAAAAxhdjFDgQ0MAAAAABNjb2xybmNseAACAAIAAYAAAAAXaXBtYQAAAAAAAAABAAEEAQKDBAAAACVtZGF0EgAKCBgANogQEAwgMg8f8D///8WfhwB8+ErK42A=',
  webp: 'data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA',
};

async function decodes(dataUrl: string): Promise<boolean> {
  const image = new Image();
  image.src = dataUrl;
  try {
    await image.decode();
    return image.naturalWidth > 0;
  } catch {
    return false;
  }
}

/**
 * The format renditions are asked for. WebP by default: every current browser shows it, it is smaller than JPEG,
 * and the server encodes it in tens of milliseconds. AVIF only when asked for (`?format=avif`): smaller still, but
 * about a second of server CPU per screen-sized encode, too slow to keep up with short intervals on a small server.
 */
export async function chooseFormat(wanted: string | null): Promise<ImageFormat> {
  if (wanted === 'jpeg') return 'jpeg';
  if (wanted === 'avif' && (await decodes(PROBES.avif))) return 'avif';
  return (await decodes(PROBES.webp)) ? 'webp' : 'jpeg';
}

/** The Accept header that makes the rendition endpoint answer in `format` (it negotiates on Accept). */
export function acceptHeaderFor(format: ImageFormat): string {
  if (format === 'avif') return 'image/avif,image/webp;q=0.9,image/jpeg;q=0.8';
  if (format === 'webp') return 'image/webp,image/jpeg;q=0.8';
  return 'image/jpeg';
}
