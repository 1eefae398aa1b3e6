/**
 * A JPEG's size and metadata blocks, read from its header segments (SOI up to the first SOS) without libvips:
 * what the library's metadata pass needs when the perceptual hash is left to the hash stage, and what the display's
 * rendition probe needs (display-service/renditions/pipeline/probe-jpeg.ts). sharp.metadata() cost about
 * 0.3 ms of the main thread per photo (its result object) plus a libuv round trip, a third of a run's budget at
 * 1000 photos/s (issue #16, profiled with node --cpu-prof on 2,000 small JPEGs). Hand-written because the
 * format is a flat list of length-prefixed segments and every npm EXIF reader parses the blocks too (we hand them
 * to our own parsers). The blocks are the very bytes sharp.metadata() returns: the EXIF APP1 payload with its
 * `Exif\0\0` header, the XMP packet after its namespace, the Photoshop APP13 payload.
 */
export interface JpegHeader {
  width: number;
  height: number;
  /** Colour components as encoded: 1 for a greyscale JPEG, 3 for YCbCr, 4 for CMYK. */
  channels: number;
  exif?: Buffer;
  xmp?: Buffer;
  iptc?: Buffer;
}

const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');
const XMP_ID = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const PHOTOSHOP_ID = Buffer.from('Photoshop 3.0\0', 'latin1');

/**
 * The TIFF structure inside an EXIF block: without the `Exif\0\0` header JPEG/WebP/AVIF/HEIF blocks carry (as
 * readJpegHeader and sharp.metadata() return them); a block without it (PNG, HEIC) is TIFF already.
 */
export function exifTiff(block: Buffer): Buffer {
  return startsWith(block, EXIF_ID) ? block.subarray(EXIF_ID.length) : block;
}

const APP1 = 0xe1;
const APP13 = 0xed;
const SOS = 0xda;
const EOI = 0xd9;

/**
 * The header, or undefined whenever it is anything but plain (no SOF before the scan, a second EXIF, XMP or IPTC
 * block, a height left to a DNL marker, a segment running past the data): the caller then asks libvips, so an
 * unusual file is read exactly as before. A header read here is no proof the image decodes: the hash stage's
 * decode is.
 */
export function readJpegHeader(bytes: Buffer): JpegHeader | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const header: Partial<JpegHeader> = {};
  let offset = 2;
  for (;;) {
    if (offset + 4 > bytes.length || bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] as number;
    // Fill bytes before a marker, and markers without a length (RSTn, TEM).
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === SOS || marker === EOI) break;
    const length = bytes.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) return undefined;
    const payload = bytes.subarray(offset + 4, end);
    if (isStartOfFrame(marker)) {
      if (header.width !== undefined || payload.length < 6) return undefined;
      header.height = payload.readUInt16BE(1);
      header.width = payload.readUInt16BE(3);
      header.channels = payload[5];
    } else if (marker === APP1 && startsWith(payload, EXIF_ID)) {
      if (header.exif) return undefined;
      header.exif = payload;
    } else if (marker === APP1 && startsWith(payload, XMP_ID)) {
      if (header.xmp) return undefined;
      header.xmp = payload.subarray(XMP_ID.length);
    } else if (marker === APP13 && startsWith(payload, PHOTOSHOP_ID)) {
      if (header.iptc) return undefined;
      header.iptc = payload;
    }
    offset = end;
  }
  const { width, height, channels } = header;
  if (!width || !height || !channels) return undefined;
  return { ...header, width, height, channels };
}

/** SOF0-SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function startsWith(payload: Buffer, id: Buffer): boolean {
  return payload.length >= id.length && payload.subarray(0, id.length).equals(id);
}
