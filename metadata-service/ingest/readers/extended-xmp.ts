/**
 * Extended XMP in a JPEG (XMP Specification Part 3, 1.1.3.1): a packet too big for one 64 KB APP1 segment is split
 * into a main packet (what sharp returns) and an extension carried in further APP1 segments, each
 * `http://ns.adobe.com/xmp/extension/\0` + 32-character GUID + full length + offset + bytes. Lightroom and Google
 * cameras move the largest properties there (long face-region lists among them). Hand-written because it is a walk
 * over JPEG segment headers that neither sharp nor our XMP reader does; exifr's multiSegment assembly feeds only its
 * own XMP reader, which we do not use (see rdf.ts).
 */

const EXTENSION_HEADER = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const GUID_LENGTH = 32;
/** Same bound as the main packet's reader: larger is not photo metadata. */
const MAX_EXTENDED_BYTES = 2_000_000;

/**
 * The extended XMP packet of a JPEG, assembled from its chunks, or undefined when there is none, it is incomplete,
 * or its declared length is out of bounds. Only the GUID of the first chunk is assembled (the one the main packet
 * names; writers emit one extension).
 */
export function extendedXmpOf(jpeg: Buffer): string | undefined {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  let guid: string | undefined;
  let assembled: Buffer | undefined;
  let received = 0;
  for (let offset = 2; offset + 4 <= jpeg.length;) {
    if (jpeg[offset] !== 0xff) return undefined;
    const marker = jpeg[offset + 1] ?? 0;
    // Start of scan or end of image: metadata segments all come before the pixels.
    if (marker === 0xda || marker === 0xd9) break;
    const length = jpeg.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > jpeg.length) break;
    const data = jpeg.subarray(offset + 4, end);
    if (marker === 0xe1 && data.subarray(0, EXTENSION_HEADER.length).equals(EXTENSION_HEADER)) {
      const headerEnd = EXTENSION_HEADER.length + GUID_LENGTH + 8;
      if (data.length >= headerEnd) {
        const chunkGuid = data.toString(
          'latin1',
          EXTENSION_HEADER.length,
          EXTENSION_HEADER.length + GUID_LENGTH,
        );
        const fullLength = data.readUInt32BE(EXTENSION_HEADER.length + GUID_LENGTH);
        const chunkOffset = data.readUInt32BE(EXTENSION_HEADER.length + GUID_LENGTH + 4);
        const chunk = data.subarray(headerEnd);
        guid ??= chunkGuid;
        if (chunkGuid === guid && fullLength > 0 && fullLength <= MAX_EXTENDED_BYTES) {
          assembled ??= Buffer.alloc(fullLength);
          if (assembled.length === fullLength && chunkOffset + chunk.length <= fullLength) {
            chunk.copy(assembled, chunkOffset);
            received += chunk.length;
          }
        }
      }
    }
    offset = end;
  }
  if (!assembled || received < assembled.length) return undefined;
  return assembled.toString('utf8');
}
