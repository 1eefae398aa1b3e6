/** What Photo Frame uses from an IPTC-IIM block (JPEG APP13, as sharp returns it). */
export interface IptcFacts {
  keywords: string[];
  objectName?: string;
  caption?: string;
}

const RECORD_MARKER = 0x1c;
const APPLICATION_RECORD = 2;
const DATASET_OBJECT_NAME = 5;
const DATASET_KEYWORDS = 25;
const DATASET_CAPTION = 120;

/**
 * Scans IIM datasets (`1C rr dd LLLL value`) for keywords, object name and caption. Extended-length datasets are not
 * text we use, and a length running past the block ends the scan: hostile blocks yield what was read so far.
 */
export function parseIptc(block: Buffer | undefined): IptcFacts {
  const facts: IptcFacts = { keywords: [] };
  if (!block) return facts;
  let offset = block.indexOf(Buffer.from([RECORD_MARKER, APPLICATION_RECORD]));
  while (offset >= 0 && offset + 5 <= block.length) {
    if (block[offset] !== RECORD_MARKER) {
      offset = block.indexOf(Buffer.from([RECORD_MARKER, APPLICATION_RECORD]), offset + 1);
      continue;
    }
    const record = block[offset + 1];
    const dataset = block[offset + 2];
    const length = block.readUInt16BE(offset + 3);
    if (length & 0x8000 || offset + 5 + length > block.length) break;
    const value = block
      .toString('utf8', offset + 5, offset + 5 + length)
      .replace(/\0/g, '')
      .trim();
    if (record === APPLICATION_RECORD && value.length > 0) {
      if (dataset === DATASET_KEYWORDS) facts.keywords.push(value);
      else if (dataset === DATASET_OBJECT_NAME) facts.objectName ??= value;
      else if (dataset === DATASET_CAPTION) facts.caption ??= value;
    }
    offset += 5 + length;
  }
  return facts;
}
