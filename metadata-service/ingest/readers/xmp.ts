/** What Photo Frame uses from an XMP packet. Absent values are undefined or empty. */
export interface XmpFacts {
  keywords: string[];
  title?: string;
  description?: string;
  /** xmp:Rating: -1 rejected, 0 unrated, 1..5. */
  rating?: number;
  /** Names of MWG face regions (what Lightroom, digiKam, Picasa and Apple Photos write for tagged people). */
  people: string[];
  /** exif:UserComment mirrored into XMP (iOS screenshots carry "Screenshot" here). */
  userComment?: string;
  /** exif:DateTimeOriginal, photoshop:DateCreated or xmp:CreateDate, as written (ISO 8601, offset optional). */
  dateCreated?: string;
}

/** Packets beyond this are not photo metadata (or are hostile); regexes below stay linear but need not see it all. */
const MAX_XMP_CHARS = 1_000_000;

/**
 * A tolerant XMP reader for the handful of properties we use. XMP is RDF/XML, and writers use both the attribute
 * form (`xmp:Rating="5"`) and the element form (`<xmp:Rating>5</xmp:Rating>`); both are read. Unknown or malformed
 * content yields nothing rather than an error: metadata never costs a photo.
 */
export function parseXmp(packet: Buffer | string | undefined): XmpFacts {
  const facts: XmpFacts = { keywords: [], people: [] };
  if (packet === undefined) return facts;
  const text = (typeof packet === 'string' ? packet : packet.toString('utf8')).slice(0, MAX_XMP_CHARS);
  if (!text.includes('xmpmeta') && !text.includes('rdf:RDF')) return facts;

  facts.keywords = listValues(text, 'dc:subject');
  facts.title = listValues(text, 'dc:title')[0];
  facts.description = listValues(text, 'dc:description')[0];
  const rating = Number(singleValue(text, 'xmp:Rating') ?? singleValue(text, 'xap:Rating'));
  if (Number.isInteger(rating) && rating >= -1 && rating <= 5) facts.rating = rating;
  facts.people = regionNames(text);
  facts.userComment = listValues(text, 'exif:UserComment')[0];
  facts.dateCreated =
    singleValue(text, 'exif:DateTimeOriginal') ??
    singleValue(text, 'photoshop:DateCreated') ??
    singleValue(text, 'xmp:CreateDate');
  return facts;
}

/** `name="v"` or `<name>v</name>` (first occurrence). */
function singleValue(text: string, name: string): string | undefined {
  const attribute = new RegExp(`\\s${escape(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(text);
  if (attribute) return clean(attribute[1] ?? attribute[2] ?? '');
  const element = elementContent(text, name);
  return element === undefined ? undefined : clean(stripTags(element));
}

/** An rdf:Bag/Seq/Alt property's items, or its single value. */
function listValues(text: string, name: string): string[] {
  const content = elementContent(text, name);
  if (content === undefined) {
    const single = singleValue(text, name);
    return single ? [single] : [];
  }
  const items = [...content.matchAll(/<rdf:li\b[^>]*>([\s\S]*?)<\/rdf:li>/g)].map((m) => clean(m[1] ?? ''));
  const values = items.length > 0 ? items : [clean(stripTags(content))];
  return values.filter((value): value is string => value !== undefined);
}

/** mwg-rs:Name of every region inside mwg-rs:Regions, attribute or element form, in document order. */
function regionNames(text: string): string[] {
  const regions = elementContent(text, 'mwg-rs:Regions');
  if (regions === undefined) return [];
  const names = [
    ...regions.matchAll(
      /\smwg-rs:Name\s*=\s*(?:"([^"]*)"|'([^']*)')|<mwg-rs:Name>([\s\S]*?)<\/mwg-rs:Name>/g,
    ),
  ].map((m) => clean(m[1] ?? m[2] ?? m[3] ?? ''));
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}

function elementContent(text: string, name: string): string | undefined {
  const open = new RegExp(`<${escape(name)}(?:\\s[^>]*)?>`).exec(text);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = text.indexOf(`</${name}>`, start);
  return end < 0 ? undefined : text.slice(start, end);
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '');
}

function clean(value: string): string | undefined {
  const text = decodeEntities(value).trim();
  return text.length > 0 ? text : undefined;
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? entity;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? entity;
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? entity;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
