/** One ISO base media box (a QuickTime "atom"): where it starts, how its header ends, where it ends. */
export interface Box {
  type: string;
  /** Offset of the size field. */
  start: number;
  /** Offset of the payload (after size, type and any 64-bit size). */
  payload: number;
  /** Offset just past the box. */
  end: number;
}

export interface BoxList {
  boxes: Box[];
  /** A box claimed more bytes than its container (or the file) holds: the data was cut off or lies. */
  overrun: boolean;
}

/** Far more than any real file; stops a hostile file made of millions of empty boxes. */
const MAX_BOXES_PER_LEVEL = 10_000;

/** Boxes of an in-memory range [from, to). Reading stops at the first box whose size is impossible. */
export function childBoxes(data: Buffer, from: number, to: number): BoxList {
  const boxes: Box[] = [];
  let offset = from;
  const limit = Math.min(to, data.length);
  while (offset + 8 <= limit && boxes.length < MAX_BOXES_PER_LEVEL) {
    const box = boxAt(data, offset, limit, 0);
    if (!box) return { boxes, overrun: true };
    boxes.push(box);
    offset = box.end;
  }
  return { boxes, overrun: false };
}

/**
 * Positioned reads of a file's bytes: a local FileHandle, or ranged GETs of an S3 object (s3-ranged-reader.ts), so
 * a video's header is read the same way wherever the video is.
 */
export interface RandomAccess {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

/** The top-level boxes of a file, reading only their headers (a video's mdat may be gigabytes). */
export async function topLevelBoxes(file: RandomAccess, fileSize: number): Promise<BoxList> {
  const boxes: Box[] = [];
  const header = Buffer.alloc(16);
  let offset = 0;
  while (offset + 8 <= fileSize && boxes.length < MAX_BOXES_PER_LEVEL) {
    const { bytesRead } = await file.read(header, 0, 16, offset);
    const box = boxAt(header.subarray(0, bytesRead), 0, bytesRead, offset, fileSize - offset);
    if (!box) return { boxes, overrun: true };
    boxes.push(box);
    offset = box.end;
  }
  return { boxes, overrun: false };
}

/**
 * Parses the box header at `offset` of `data`. `base` shifts reported offsets (for headers read out of a file);
 * `available` is how many bytes the box may span (default: to `limit`). Undefined when the size is impossible.
 */
function boxAt(
  data: Buffer,
  offset: number,
  limit: number,
  base: number,
  available = limit - offset,
): Box | undefined {
  if (offset + 8 > data.length) return undefined;
  const size32 = data.readUInt32BE(offset);
  const type = data.toString('latin1', offset + 4, offset + 8);
  let headerSize = 8;
  let size: number;
  if (size32 === 1) {
    if (offset + 16 > data.length) return undefined;
    const size64 = data.readBigUInt64BE(offset + 8);
    if (size64 > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
    size = Number(size64);
    headerSize = 16;
  } else if (size32 === 0) {
    size = available; // "extends to the end of its container"
  } else {
    size = size32;
  }
  if (size < headerSize || size > available) return undefined;
  return { type, start: base + offset, payload: base + offset + headerSize, end: base + offset + size };
}

/** First child of the given type, searching [from, to). */
export function findChild(data: Buffer, from: number, to: number, type: string): Box | undefined {
  return childBoxes(data, from, to).boxes.find((box) => box.type === type);
}

/** Follows a path of box types (`['trak','mdia','hdlr']`) from a range, first match at each level. */
export function findPath(data: Buffer, from: number, to: number, path: readonly string[]): Box | undefined {
  let box: Box | undefined;
  let start = from;
  let end = to;
  for (const type of path) {
    box = findChild(data, start, end, type);
    if (!box) return undefined;
    start = box.payload;
    end = box.end;
  }
  return box;
}
