import type { NamedLocation } from '../photo-metadata';

/** What Photo Frame uses from an IPTC-IIM block (JPEG APP13, as sharp returns it). */
export interface IptcFacts {
  keywords: string[];
  objectName?: string;
  caption?: string;
  /** City (2:90), Sub-location (2:92), Province/State (2:95), Country code (2:100), Country (2:101). */
  location: NamedLocation;
}

const RECORD_MARKER = 0x1c;
const APPLICATION_RECORD = 2;
const DATASET_OBJECT_NAME = 5;
const DATASET_KEYWORDS = 25;
const DATASET_CAPTION = 120;
const LOCATION_DATASETS: Readonly<Record<number, keyof NamedLocation>> = {
  90: 'city',
  92: 'sublocation',
  95: 'region',
  100: 'countryCode',
  101: 'country',
};

/**
 * Scans IIM datasets (`1C rr dd LLLL value`) for keywords, object name, caption and location names. Hand-written
 * because the format is a flat list of tagged strings and exifr's IIM reader decodes every value as Latin-1 (our
 * keywords are UTF-8 in current writers). Extended-length datasets are not text we use, and a length running past
 * the block ends the scan: hostile blocks yield what was read so far.
 */
export function parseIptc(block: Buffer | undefined): IptcFacts {
  const facts: IptcFacts = { keywords: [], location: {} };
  if (!block) return facts;
  let offset = block.indexOf(Buffer.from([RECORD_MARKER, APPLICATION_RECORD]));
  while (offset >= 0 && offset + 5 <= block.length) {
    if (block[offset] !== RECORD_MARKER) {
      offset = block.indexOf(Buffer.from([RECORD_MARKER, APPLICATION_RECORD]), offset + 1);
      continue;
    }
    const record = block[offset + 1];
    const dataset = block[offset + 2] ?? 0;
    const length = block.readUInt16BE(offset + 3);
    if (length & 0x8000 || offset + 5 + length > block.length) break;
    const value = decodeText(block.subarray(offset + 5, offset + 5 + length));
    if (record === APPLICATION_RECORD && value.length > 0) {
      const locationField = LOCATION_DATASETS[dataset];
      if (dataset === DATASET_KEYWORDS) facts.keywords.push(value);
      else if (dataset === DATASET_OBJECT_NAME) facts.objectName ??= value;
      else if (dataset === DATASET_CAPTION) facts.caption ??= value;
      else if (locationField) facts.location[locationField] ??= value;
    }
    offset += 5 + length;
  }
  return facts;
}

/** UTF-8 when the bytes are UTF-8 (current writers); else Latin-1, which older Photoshop and cameras wrote. */
function decodeText(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  const text = utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;
  return text.replace(/\0/g, '').trim();
}
