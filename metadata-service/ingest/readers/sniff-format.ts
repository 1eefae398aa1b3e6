/** Image families sharp reads (HEIF is sharp's header + heic-decode's pixels when it holds HEVC). */
export type ImageFamily = 'jpeg' | 'png' | 'webp' | 'tiff' | 'avif' | 'heif';

export type SniffedFormat =
  | { kind: 'image'; family: ImageFamily; mediaType: string }
  | { kind: 'video'; mediaType: string }
  /** A known format that is not a photo or video we index (PDF, GIF, audio…). */
  | { kind: 'unsupported'; name: string }
  | { kind: 'unknown' }
  | { kind: 'empty' };

/** Enough bytes for every signature below, including a long `ftyp` brand list. */
export const SNIFF_BYTES = 256;

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf']);
const QUICKTIME_BRANDS = new Set(['qt  ']);
const M4V_BRANDS = new Set(['M4V ', 'M4VH', 'M4VP']);
const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'avc1', 'dash',
  '3gp4', '3gp5', '3gp6', '3g2a', 'mmp4', 'MSNV', 'XAVC', 'f4v ', 'NDAS', 'MiPr',
]); // prettier-ignore
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ']);
/** QuickTime files from old cameras start with these atoms instead of `ftyp`. */
const QUICKTIME_FIRST_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** What the first bytes of a file say it is. The file name is never consulted: extensions lie. */
export function sniffFormat(head: Buffer): SniffedFormat {
  if (head.length === 0) return { kind: 'empty' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return image('jpeg', 'image/jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('png', 'image/png');
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return image('webp', 'image/webp');
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    return image('tiff', 'image/tiff');
  }
  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp') return sniffFtyp(head);
  if (head.length >= 8 && QUICKTIME_FIRST_ATOMS.has(ascii(head, 4, 4)) && head.readUInt32BE(0) >= 8) {
    return { kind: 'video', mediaType: 'video/quicktime' };
  }
  if (ascii(head, 0, 5) === '%PDF-') return { kind: 'unsupported', name: 'PDF' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')
    return { kind: 'unsupported', name: 'GIF' };
  if (ascii(head, 0, 2) === 'BM' && head.length >= 14) return { kind: 'unsupported', name: 'BMP' };
  return { kind: 'unknown' };
}

/** ISO base media: the major brand decides, the compatible brands settle a generic `mif1`. */
function sniffFtyp(head: Buffer): SniffedFormat {
  const major = ascii(head, 8, 4);
  const ftypEnd = Math.min(head.readUInt32BE(0), head.length);
  const brands = new Set([major]);
  for (let offset = 16; offset + 4 <= ftypEnd; offset += 4) brands.add(ascii(head, offset, 4));

  if (AVIF_BRANDS.has(major)) return image('avif', 'image/avif');
  if (HEIC_BRANDS.has(major)) return image('heif', 'image/heic');
  if (GENERIC_HEIF_BRANDS.has(major)) {
    if ([...AVIF_BRANDS].some((b) => brands.has(b))) return image('avif', 'image/avif');
    if ([...HEIC_BRANDS].some((b) => brands.has(b))) return image('heif', 'image/heic');
    return image('heif', 'image/heif');
  }
  if (QUICKTIME_BRANDS.has(major)) return { kind: 'video', mediaType: 'video/quicktime' };
  if (M4V_BRANDS.has(major)) return { kind: 'video', mediaType: 'video/x-m4v' };
  if (AUDIO_BRANDS.has(major)) return { kind: 'unsupported', name: 'audio' };
  if (MP4_BRANDS.has(major)) return { kind: 'video', mediaType: 'video/mp4' };
  return { kind: 'unsupported', name: `ISO media (${major.trim() || 'no brand'})` };
}

function image(family: ImageFamily, mediaType: string): SniffedFormat {
  return { kind: 'image', family, mediaType };
}

function startsWith(head: Buffer, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
}

function ascii(head: Buffer, offset: number, length: number): string {
  return head.length >= offset + length ? head.toString('latin1', offset, offset + length) : '';
}
