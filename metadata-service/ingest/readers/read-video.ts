import { open } from 'node:fs/promises';
import { parseIsoDateTime, type IsoDateTime } from '../exif-dates';
import { IngestSkip } from '../skip-reasons';
import { gpsFrom, type ExifFacts } from './exif-block';
import { childBoxes, findChild, findPath, topLevelBoxes, type Box, type RandomAccess } from './iso-bmff';

/** What a video's container says about it. */
export interface VideoFacts {
  mediaType: string;
  /** Displayed size: the track's rotation applied. */
  width: number;
  height: number;
  durationMs: number | null;
  /** mvhd creation_time as a UTC instant; null when unset (0) or implausible. */
  createdUtcMs: number | null;
  /** `com.apple.quicktime.creationdate` (or `©day`): the local time the phone wrote, usually with its offset. */
  createdLocal: IsoDateTime | null;
  gps: ExifFacts['gps'];
  make: string | null;
  model: string | null;
  /** `com.apple.quicktime.content.identifier`: a Live Photo's video names the still it belongs to with it. */
  contentIdentifier: string | null;
}

/** A moov box is metadata; more than this is not a video we should trust with memory. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;
/** Seconds from the QuickTime epoch (1904-01-01) to the Unix epoch. */
const QUICKTIME_EPOCH_OFFSET_S = 2_082_844_800;
/** Cameras with an unset clock write 0 (1904) or tiny values; anything before 1971 is not a capture time. */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(1971, 0, 1);

const ISO6709_KEY = 'com.apple.quicktime.location.ISO6709';
const CREATION_DATE_KEY = 'com.apple.quicktime.creationdate';
const MAKE_KEY = 'com.apple.quicktime.make';
const MODEL_KEY = 'com.apple.quicktime.model';
const CONTENT_IDENTIFIER_KEY = 'com.apple.quicktime.content.identifier';

/**
 * Reads an MP4/MOV (ISO base media) container with bounded reads: top-level box headers only, then the moov box
 * into memory. Sizes that run past the file mean it was cut off (TRUNCATED_VIDEO); a container with no movie
 * header or no video track is UNREADABLE_VIDEO.
 */
export async function readVideo(absolutePath: string, mediaType: string): Promise<VideoFacts> {
  const file = await open(absolutePath, 'r').catch((cause: unknown) => {
    throw new IngestSkip('UNREADABLE_FILE', 'file could not be read', { cause });
  });
  try {
    return await readVideoFrom(file, (await file.stat()).size, mediaType);
  } finally {
    await file.close();
  }
}

/** readVideo over any positioned reader of `size` bytes (a local file, an S3 object read by ranges). */
export async function readVideoFrom(
  file: RandomAccess,
  size: number,
  mediaType: string,
): Promise<VideoFacts> {
  const top = await topLevelBoxes(file, size);
  if (top.overrun) throw new IngestSkip('TRUNCATED_VIDEO', 'a box runs past the end of the file');
  const moovBox = top.boxes.find((box) => box.type === 'moov');
  if (!moovBox) throw new IngestSkip('UNREADABLE_VIDEO', 'no movie header (moov) in the container');
  const length = moovBox.end - moovBox.start;
  if (length > MAX_MOOV_BYTES) throw new IngestSkip('UNREADABLE_VIDEO', `movie header of ${length} bytes`);
  const moov = Buffer.alloc(length);
  const { bytesRead } = await file.read(moov, 0, length, moovBox.start);
  if (bytesRead < length) throw new IngestSkip('TRUNCATED_VIDEO', 'movie header is cut off');
  return parseMoov(moov, mediaType);
}

/** Parses a moov box held in memory (offset 0 is its size field). */
export function parseMoov(moov: Buffer, mediaType: string): VideoFacts {
  const payload = 8;
  const movie = readMovieHeader(moov, findChild(moov, payload, moov.length, 'mvhd'));
  const track = firstVideoTrack(moov, payload);
  if (!track) throw new IngestSkip('UNREADABLE_VIDEO', 'no video track with a size');
  const metadata = readMetadataItems(moov, payload);
  const userData = readUserData(moov, payload);

  return {
    mediaType,
    width: track.width,
    height: track.height,
    durationMs: movie.durationMs,
    createdUtcMs: movie.createdUtcMs,
    createdLocal: parseIsoDateTime(metadata.get(CREATION_DATE_KEY) ?? userData.get('©day')) ?? null,
    // Apple's keyed item, then the classic user-data atom phones and drones write, then the iTunes-style item
    // (udta/meta/ilst ©xyz) that tagging tools such as ExifTool may write instead.
    gps: parseIso6709(metadata.get(ISO6709_KEY) ?? userData.get('©xyz') ?? metadata.get('©xyz')),
    make: metadata.get(MAKE_KEY) ?? userData.get('©mak') ?? null,
    model: metadata.get(MODEL_KEY) ?? userData.get('©mod') ?? null,
    contentIdentifier: metadata.get(CONTENT_IDENTIFIER_KEY) ?? null,
  };
}

function readMovieHeader(
  data: Buffer,
  box: Box | undefined,
): { createdUtcMs: number | null; durationMs: number | null } {
  if (!box) return { createdUtcMs: null, durationMs: null };
  const p = box.payload;
  const version = data[p];
  const needed = version === 1 ? 32 : 20;
  if (p + needed > box.end) return { createdUtcMs: null, durationMs: null };
  const created = version === 1 ? Number(data.readBigUInt64BE(p + 4)) : data.readUInt32BE(p + 4);
  const timescale = data.readUInt32BE(version === 1 ? p + 20 : p + 12);
  const duration = version === 1 ? Number(data.readBigUInt64BE(p + 24)) : data.readUInt32BE(p + 16);
  const createdUtcMs = (created - QUICKTIME_EPOCH_OFFSET_S) * 1000;
  return {
    createdUtcMs:
      Number.isFinite(createdUtcMs) && createdUtcMs >= EARLIEST_PLAUSIBLE_MS && createdUtcMs < 8.64e15
        ? createdUtcMs
        : null,
    durationMs: timescale > 0 && Number.isFinite(duration) ? Math.round((duration / timescale) * 1000) : null,
  };
}

/** The first trak whose handler is 'vide' and whose tkhd has a size; its rotation decides the displayed size. */
function firstVideoTrack(moov: Buffer, from: number): { width: number; height: number } | undefined {
  for (const trak of childBoxes(moov, from, moov.length).boxes.filter((box) => box.type === 'trak')) {
    const handler = findPath(moov, trak.payload, trak.end, ['mdia', 'hdlr']);
    if (!handler || handler.payload + 12 > handler.end) continue;
    if (moov.toString('latin1', handler.payload + 8, handler.payload + 12) !== 'vide') continue;
    const header = findChild(moov, trak.payload, trak.end, 'tkhd');
    const size = header ? readTrackHeader(moov, header) : undefined;
    if (size) return size;
  }
  return undefined;
}

function readTrackHeader(data: Buffer, box: Box): { width: number; height: number } | undefined {
  const p = box.payload;
  const matrixAt = data[p] === 1 ? p + 52 : p + 40;
  if (matrixAt + 44 > box.end) return undefined;
  const a = data.readInt32BE(matrixAt) / 65536;
  const b = data.readInt32BE(matrixAt + 4) / 65536;
  const width = Math.round(data.readUInt32BE(matrixAt + 36) / 65536);
  const height = Math.round(data.readUInt32BE(matrixAt + 40) / 65536);
  if (width <= 0 || height <= 0) return undefined;
  const degrees = (Math.round((Math.atan2(b, a) * 180) / Math.PI) + 360) % 360;
  return degrees === 90 || degrees === 270 ? { width: height, height: width } : { width, height };
}

/** QuickTime metadata (`meta` with `keys` + `ilst`), in moov or moov/udta: key name → UTF-8 value. */
function readMetadataItems(moov: Buffer, from: number): Map<string, string> {
  const items = new Map<string, string>();
  const udta = findChild(moov, from, moov.length, 'udta');
  const metas = [
    findChild(moov, from, moov.length, 'meta'),
    udta && findChild(moov, udta.payload, udta.end, 'meta'),
  ];
  for (const meta of metas) {
    if (!meta) continue;
    // QuickTime's meta is a plain box; MP4's is a full box (4 bytes of version/flags first).
    const isPlain = moov.toString('latin1', meta.payload + 4, meta.payload + 8) === 'hdlr';
    const start = isPlain ? meta.payload : meta.payload + 4;
    const keys = readKeys(moov, findChild(moov, start, meta.end, 'keys'));
    const ilst = findChild(moov, start, meta.end, 'ilst');
    if (!ilst) continue;
    for (const item of childBoxes(moov, ilst.payload, ilst.end).boxes) {
      const index = moov.readUInt32BE(item.start + 4);
      const name = keys[index - 1] ?? item.type;
      const value = readDataValue(moov, item);
      if (value !== undefined && !items.has(name)) items.set(name, value);
    }
  }
  return items;
}

function readKeys(data: Buffer, box: Box | undefined): string[] {
  if (!box || box.payload + 8 > box.end) return [];
  const count = data.readUInt32BE(box.payload + 4);
  const keys: string[] = [];
  let offset = box.payload + 8;
  for (let i = 0; i < count && offset + 8 <= box.end; i++) {
    const size = data.readUInt32BE(offset);
    if (size < 8 || offset + size > box.end) break;
    keys.push(data.toString('utf8', offset + 8, offset + size));
    offset += size;
  }
  return keys;
}

/** An ilst item's `data` box when it holds UTF-8 text (well-known type 1). */
function readDataValue(data: Buffer, item: Box): string | undefined {
  const box = findChild(data, item.payload, item.end, 'data');
  if (!box || box.payload + 8 > box.end) return undefined;
  if (data.readUInt32BE(box.payload) !== 1) return undefined;
  return cleanText(data.toString('utf8', box.payload + 8, box.end));
}

/** Classic QuickTime user data text atoms (©xyz, ©day, ©mak, ©mod): 16-bit length, 16-bit language, text. */
function readUserData(moov: Buffer, from: number): Map<string, string> {
  const values = new Map<string, string>();
  const udta = findChild(moov, from, moov.length, 'udta');
  if (!udta) return values;
  for (const box of childBoxes(moov, udta.payload, udta.end).boxes) {
    if (!box.type.startsWith('\u00a9') || box.payload + 4 > box.end) continue;
    const length = moov.readUInt16BE(box.payload);
    const end = Math.min(box.payload + 4 + length, box.end);
    const value = cleanText(moov.toString('utf8', box.payload + 4, end));
    if (value !== undefined && !values.has(box.type)) values.set(box.type, value);
  }
  return values;
}

/**
 * ISO 6709 position (`+34.0522-118.2437+012.345/`): degrees with decimals, or the DDMM / DDDMM(.mm) and
 * DDMMSS / DDDMMSS forms older writers use.
 */
export function parseIso6709(value: string | undefined): ExifFacts['gps'] {
  if (!value) return null;
  const match = /^([+-])(\d+)(\.\d+)?([+-])(\d+)(\.\d+)?/.exec(value.trim());
  if (!match) return null;
  const latitude = sexagesimal(match[1] ?? '+', match[2] ?? '', match[3] ?? '', 2);
  const longitude = sexagesimal(match[4] ?? '+', match[5] ?? '', match[6] ?? '', 3);
  return latitude === undefined || longitude === undefined ? null : gpsFrom(latitude, longitude);
}

function sexagesimal(
  sign: string,
  whole: string,
  fraction: string,
  degreeDigits: number,
): number | undefined {
  const value = Number(whole + fraction);
  let degrees: number;
  if (whole.length === degreeDigits) degrees = value;
  else if (whole.length === degreeDigits + 2) degrees = Math.floor(value / 100) + (value % 100) / 60;
  else if (whole.length === degreeDigits + 4) {
    const d = Math.floor(value / 10000);
    const m = Math.floor((value % 10000) / 100);
    degrees = d + m / 60 + (value % 100) / 3600;
  } else return undefined;
  return sign === '-' ? -degrees : degrees;
}

function cleanText(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/\u0000/g, '').trim();
  return text.length > 0 ? text : undefined;
}
