import exifr from 'exifr';

/** Apple's maker note: this header, a 16-bit version, a byte-order mark, then one IFD at offset 14. */
const APPLE_HEADER = Buffer.from('Apple iOS\0', 'latin1');
const IFD_OFFSET = 14;
/** Apple maker note tag 0x0011: the identifier the Live Photo's video carries as content.identifier. */
const CONTENT_IDENTIFIER_TAG = 0x0011;
const ASCII = 2;

/**
 * The ContentIdentifier an iPhone writes into a Live Photo's still (HEIC or JPEG), from its Apple maker note; null
 * when the file has none or it cannot be read (an unreadable maker note never costs the photo). exifr finds the
 * EXIF block in either container and hands the maker note over raw: its tags are read here.
 */
export async function readAppleContentIdentifier(input: string | Buffer): Promise<string | null> {
  let makerNote: unknown;
  try {
    const tags = (await exifr.parse(input, {
      tiff: false,
      exif: true,
      gps: false,
      xmp: false,
      iptc: false,
      icc: false,
      makerNote: true,
      translateKeys: true,
      translateValues: false,
      reviveValues: false,
      mergeOutput: true,
    })) as Record<string, unknown> | undefined;
    makerNote = tags?.MakerNote ?? tags?.makerNote;
  } catch {
    return null;
  }
  if (!(makerNote instanceof Uint8Array)) return null;
  return contentIdentifierFromMakerNote(
    Buffer.from(makerNote.buffer, makerNote.byteOffset, makerNote.byteLength),
  );
}

/** Tag 0x0011 of an Apple maker note (offsets are relative to the note's start); null for any other note. */
export function contentIdentifierFromMakerNote(note: Buffer): string | null {
  if (note.length < IFD_OFFSET + 2 || !note.subarray(0, APPLE_HEADER.length).equals(APPLE_HEADER))
    return null;
  const order = note.toString('latin1', 12, 14);
  if (order !== 'MM' && order !== 'II') return null;
  const u16 = (at: number): number => (order === 'MM' ? note.readUInt16BE(at) : note.readUInt16LE(at));
  const u32 = (at: number): number => (order === 'MM' ? note.readUInt32BE(at) : note.readUInt32LE(at));
  const count = u16(IFD_OFFSET);
  for (let i = 0; i < count; i++) {
    const entry = IFD_OFFSET + 2 + i * 12;
    if (entry + 12 > note.length) return null;
    if (u16(entry) !== CONTENT_IDENTIFIER_TAG || u16(entry + 2) !== ASCII) continue;
    const length = u32(entry + 4);
    const start = length <= 4 ? entry + 8 : u32(entry + 8);
    if (length === 0 || start + length > note.length) return null;
    const text =
      note
        .toString('latin1', start, start + length)
        .split('\0')[0]
        ?.trim() ?? '';
    return text.length > 0 ? text : null;
  }
  return null;
}
