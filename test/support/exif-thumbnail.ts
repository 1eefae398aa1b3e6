/**
 * EXIF as cameras and phones write it: IFD0 with the orientation, IFD1 with a small JPEG of the stored picture
 * (the "EXIF thumbnail" viewers show before decoding the photo). sharp writes EXIF but no thumbnail, so the tests
 * and the display bench build the block here.
 */

const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');
const APP1 = 0xe1;
const SOS = 0xda;

/** `jpeg` with its EXIF block (if any) replaced by one holding `orientation` and `thumbnail`. */
export function withExifThumbnail(jpeg: Buffer, thumbnail: Buffer, orientation = 1): Buffer {
  const tiff = tiffWithThumbnail(thumbnail, orientation);
  const payload = Buffer.concat([EXIF_ID, tiff]);
  if (payload.length + 2 > 0xffff)
    throw new Error(`an EXIF thumbnail of ${thumbnail.length} bytes does not fit`);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([
    jpeg.subarray(0, 2),
    Buffer.from([0xff, APP1]),
    length,
    payload,
    withoutExif(jpeg).subarray(2),
  ]);
}

/** A little-endian TIFF: IFD0 (Orientation) then IFD1 (Compression JPEG, the thumbnail's offset and length). */
function tiffWithThumbnail(thumbnail: Buffer, orientation: number): Buffer {
  const ifd0 = 8;
  const ifd1 = ifd0 + 2 + 12 + 4;
  const data = ifd1 + 2 + 3 * 12 + 4;
  const tiff = Buffer.alloc(data);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(ifd0, 4);
  tiff.writeUInt16LE(1, ifd0);
  entry(tiff, ifd0 + 2, 0x0112, 3, orientation);
  tiff.writeUInt32LE(ifd1, ifd0 + 2 + 12);
  tiff.writeUInt16LE(3, ifd1);
  entry(tiff, ifd1 + 2, 0x0103, 3, 6);
  entry(tiff, ifd1 + 2 + 12, 0x0201, 4, data);
  entry(tiff, ifd1 + 2 + 24, 0x0202, 4, thumbnail.length);
  tiff.writeUInt32LE(0, ifd1 + 2 + 36);
  return Buffer.concat([tiff, thumbnail]);
}

/** One IFD entry with a single SHORT (3) or LONG (4) value. */
function entry(tiff: Buffer, at: number, tag: number, type: 3 | 4, value: number): void {
  tiff.writeUInt16LE(tag, at);
  tiff.writeUInt16LE(type, at + 2);
  tiff.writeUInt32LE(1, at + 4);
  if (type === 3) tiff.writeUInt16LE(value, at + 8);
  else tiff.writeUInt32LE(value, at + 8);
}

/** The JPEG without its EXIF APP1 segments (the header segments are walked up to the scan). */
function withoutExif(jpeg: Buffer): Buffer {
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff && jpeg[offset + 1] !== SOS) {
    const end = offset + 2 + jpeg.readUInt16BE(offset + 2);
    const payload = jpeg.subarray(offset + 4, end);
    const isExif = jpeg[offset + 1] === APP1 && payload.subarray(0, EXIF_ID.length).equals(EXIF_ID);
    if (!isExif) kept.push(jpeg.subarray(offset, end));
    offset = end;
  }
  kept.push(jpeg.subarray(offset));
  return Buffer.concat(kept);
}
