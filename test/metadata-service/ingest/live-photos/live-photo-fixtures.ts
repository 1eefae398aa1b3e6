import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { mediaToolsFromEnv } from '../../../../display-service/renditions/video/media-tools';

const run = promisify(execFile);

/** A JPEG still made by sharp: a blue card with a yellow inset (real pixels, a real encoder). */
export async function stillJpeg(
  width = 320,
  height = 240,
  inset: 'centre' | 'corner' = 'centre',
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([
      {
        input: await sharp({
          create: {
            width: width / 2,
            height: height / 2,
            channels: 3,
            background: { r: 240, g: 200, b: 30 },
          },
        })
          .png()
          .toBuffer(),
        // Where the inset sits changes the picture (two fixtures are never near-duplicates of each other).
        left: inset === 'centre' ? width / 4 : 0,
        top: inset === 'centre' ? height / 4 : 0,
      },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * A short real video made by Debian's ffmpeg from its test sources, as a phone's Live Photo companion: QuickTime
 * (`.MOV`) or MP4, optionally with Apple's content identifier as an mdta key (as an iPhone writes it).
 */
export async function writeMotionVideo(
  file: string,
  options: { seconds?: number; format?: 'mov' | 'mp4'; contentIdentifier?: string } = {},
): Promise<void> {
  const { ffmpeg } = mediaToolsFromEnv();
  const seconds = options.seconds ?? 1.5;
  await run(ffmpeg, [
    ...['-nostdin', '-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=15:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
    ...['-movflags', 'use_metadata_tags'],
    ...(options.contentIdentifier
      ? ['-metadata', `com.apple.quicktime.content.identifier=${options.contentIdentifier}`]
      : []),
    ...['-f', options.format ?? 'mov', file],
  ]);
}

/** An Apple maker note holding tag 0x0011 ContentIdentifier (big-endian, as iPhones write it). */
export function appleMakerNote(contentIdentifier: string): Buffer {
  const text = Buffer.from(`${contentIdentifier}\0`, 'latin1');
  const header = Buffer.concat([
    Buffer.from('Apple iOS\0', 'latin1'),
    Buffer.from([0, 1]),
    Buffer.from('MM'),
  ]);
  const ifd = Buffer.alloc(2 + 12 + 4);
  ifd.writeUInt16BE(1, 0);
  ifd.writeUInt16BE(0x0011, 2);
  ifd.writeUInt16BE(2, 4);
  ifd.writeUInt32BE(text.length, 6);
  ifd.writeUInt32BE(header.length + ifd.length, 10);
  return Buffer.concat([header, ifd, text]);
}

/**
 * A JPEG with an EXIF APP1 segment whose Exif IFD holds `makerNote` (tag 0x927c), inserted after SOI: what an
 * iPhone's JPEG Live Photo still carries, built byte by byte since no encoder here writes maker notes.
 */
export function withMakerNote(jpeg: Buffer, makerNote: Buffer): Buffer {
  // TIFF header (8) | IFD0: 1 entry ExifIFD pointer (2 + 12 + 4) | Exif IFD: 1 entry MakerNote (2 + 12 + 4) | note
  const ifd0At = 8;
  const exifAt = ifd0At + 18;
  const noteAt = exifAt + 18;
  const tiff = Buffer.alloc(noteAt);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(ifd0At, 4);
  tiff.writeUInt16BE(1, ifd0At);
  tiff.writeUInt16BE(0x8769, ifd0At + 2);
  tiff.writeUInt16BE(4, ifd0At + 4);
  tiff.writeUInt32BE(1, ifd0At + 6);
  tiff.writeUInt32BE(exifAt, ifd0At + 10);
  tiff.writeUInt16BE(1, exifAt);
  tiff.writeUInt16BE(0x927c, exifAt + 2);
  tiff.writeUInt16BE(7, exifAt + 4);
  tiff.writeUInt32BE(makerNote.length, exifAt + 6);
  tiff.writeUInt32BE(noteAt, exifAt + 10);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, makerNote]);
  return app1After(jpeg, payload);
}

/**
 * A Google motion photo: `jpeg` with an XMP APP1 segment (`xmp`, a whole packet) and `mp4` appended after its end,
 * as Pixel and Samsung cameras write them.
 */
export function motionPhotoJpeg(jpeg: Buffer, xmp: string, mp4: Buffer): Buffer {
  const payload = Buffer.concat([
    Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'),
    Buffer.from(xmp, 'utf8'),
  ]);
  return Buffer.concat([app1After(jpeg, payload), mp4]);
}

/** The XMP packet of a motion photo: the newer Camera/Container form, or the older GCamera:MicroVideo one. */
export function motionPhotoXmp(
  form: 'container' | 'micro-video',
  videoBytes: number,
  offsetFromEnd = videoBytes,
): string {
  const description =
    form === 'micro-video'
      ? `<rdf:Description rdf:about="" xmlns:GCamera="http://ns.google.com/photos/1.0/camera/"
          GCamera:MicroVideo="1" GCamera:MicroVideoVersion="1" GCamera:MicroVideoOffset="${offsetFromEnd}"
          GCamera:MicroVideoPresentationTimestampUs="500000"/>`
      : `<rdf:Description rdf:about="" xmlns:Camera="http://ns.google.com/photos/1.0/camera/"
          xmlns:Container="http://ns.google.com/photos/1.0/container/"
          xmlns:Item="http://ns.google.com/photos/1.0/container/item/"
          Camera:MotionPhoto="1" Camera:MotionPhotoVersion="1" Camera:MotionPhotoPresentationTimestampUs="500000">
          <Container:Directory><rdf:Seq>
            <rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" Item:Length="0" Item:Padding="0"/></rdf:li>
            <rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" Item:Length="${videoBytes}" Item:Padding="0"/></rdf:li>
          </rdf:Seq></Container:Directory>
        </rdf:Description>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${description}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

function app1After(jpeg: Buffer, payload: Buffer): Buffer {
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffe1, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}
