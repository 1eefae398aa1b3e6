import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { imageBytes, type ImageFixture } from '../../fixtures/images';

/*
 * Metadata as real exporters write it, for tests that build their files fresh: XMP packets in the forms Lightroom
 * Classic, exiftool and Windows Photo Gallery use, IPTC-IIM datasets in a Photoshop APP13 segment, and JPEGs that
 * carry them.
 */

const NAMESPACES =
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"' +
  ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:lr="http://ns.adobe.com/lightroom/1.0/"' +
  ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"' +
  ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"' +
  ' xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"' +
  ' xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#" xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"' +
  ' xmlns:xmpDM="http://ns.adobe.com/xmp/1.0/DynamicMedia/"';

function packet(description: string): string {
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    description +
    ' </rdf:RDF>\n</x:xmpmeta>\n' +
    ' '.repeat(200) +
    '\n<?xpacket end="w"?>'
  );
}

const esc = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const bag = (items: readonly string[]): string =>
  `<rdf:Bag>${items.map((i) => `<rdf:li>${esc(i)}</rdf:li>`).join('')}</rdf:Bag>`;
const alt = (value: string): string =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${esc(value)}</rdf:li></rdf:Alt>`;

export interface LightroomFields {
  keywords?: string[];
  hierarchical?: string[];
  title?: string;
  caption?: string;
  rating?: number;
  city?: string;
  state?: string;
  country?: string;
  countryCode?: string;
  sublocation?: string;
  /** Named faces: centre x/y and size, normalized, as MWG areas are. */
  faces?: { name: string; x: number; y: number; w: number; h: number }[];
}

/**
 * A packet as Lightroom Classic writes it: simple properties as attributes of the rdf:Description, lists as
 * elements, face regions as rdf:Description items with their area as an empty element's attributes.
 */
export function lightroomXmp(f: LightroomFields): string {
  const attributes = [
    f.rating !== undefined ? ` xmp:Rating="${f.rating}"` : '',
    f.city ? ` photoshop:City="${esc(f.city)}"` : '',
    f.state ? ` photoshop:State="${esc(f.state)}"` : '',
    f.country ? ` photoshop:Country="${esc(f.country)}"` : '',
    f.countryCode ? ` Iptc4xmpCore:CountryCode="${esc(f.countryCode)}"` : '',
    f.sublocation ? ` Iptc4xmpCore:Location="${esc(f.sublocation)}"` : '',
  ].join('');
  const faces = f.faces
    ? '<mwg-rs:Regions rdf:parseType="Resource">' +
      '<mwg-rs:AppliedToDimensions stDim:w="4000" stDim:h="3000" stDim:unit="pixel"/>' +
      '<mwg-rs:RegionList><rdf:Bag>' +
      f.faces
        .map(
          (face) =>
            `<rdf:li><rdf:Description mwg-rs:Name="${esc(face.name)}" mwg-rs:Type="Face">` +
            `<mwg-rs:Area stArea:x="${face.x}" stArea:y="${face.y}" stArea:w="${face.w}" stArea:h="${face.h}"` +
            ' stArea:unit="normalized"/></rdf:Description></rdf:li>',
        )
        .join('') +
      '</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>'
    : '';
  return packet(
    `  <rdf:Description rdf:about="" ${NAMESPACES}${attributes}>\n` +
      (f.title ? `<dc:title>${alt(f.title)}</dc:title>` : '') +
      (f.caption ? `<dc:description>${alt(f.caption)}</dc:description>` : '') +
      (f.keywords ? `<dc:subject>${bag(f.keywords)}</dc:subject>` : '') +
      (f.hierarchical ? `<lr:hierarchicalSubject>${bag(f.hierarchical)}</lr:hierarchicalSubject>` : '') +
      faces +
      '  </rdf:Description>\n',
  );
}

export interface IptcExtensionFields {
  locationCreated?: {
    Sublocation?: string;
    City?: string;
    ProvinceState?: string;
    CountryName?: string;
    CountryCode?: string;
  };
  locationShown?: { City?: string; CountryName?: string };
  event?: string;
  album?: string;
  personInImage?: string[];
  /** Face regions in exiftool's element form (rdf:parseType="Resource"). */
  faces?: string[];
}

/** A packet as exiftool writes IPTC Extension structs: every struct an rdf:parseType="Resource" element. */
export function exiftoolXmp(f: IptcExtensionFields): string {
  const struct = (fields: Record<string, string | undefined>): string =>
    `<rdf:li rdf:parseType="Resource">${Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<Iptc4xmpExt:${k}>${esc(v ?? '')}</Iptc4xmpExt:${k}>`)
      .join('')}</rdf:li>`;
  return packet(
    `  <rdf:Description rdf:about="" ${NAMESPACES}>\n` +
      (f.locationCreated
        ? `<Iptc4xmpExt:LocationCreated><rdf:Bag>${struct(f.locationCreated)}</rdf:Bag></Iptc4xmpExt:LocationCreated>`
        : '') +
      (f.locationShown
        ? `<Iptc4xmpExt:LocationShown><rdf:Bag>${struct(f.locationShown)}</rdf:Bag></Iptc4xmpExt:LocationShown>`
        : '') +
      (f.event ? `<Iptc4xmpExt:Event>${alt(f.event)}</Iptc4xmpExt:Event>` : '') +
      (f.album ? `<xmpDM:album>${esc(f.album)}</xmpDM:album>` : '') +
      (f.personInImage
        ? `<Iptc4xmpExt:PersonInImage>${bag(f.personInImage)}</Iptc4xmpExt:PersonInImage>`
        : '') +
      (f.faces
        ? '<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>' +
          f.faces
            .map(
              (name) =>
                `<rdf:li rdf:parseType="Resource"><mwg-rs:Name>${esc(name)}</mwg-rs:Name>` +
                '<mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area rdf:parseType="Resource"><stArea:x>0.5</stArea:x>' +
                '<stArea:y>0.5</stArea:y><stArea:w>0.2</stArea:w><stArea:h>0.2</stArea:h>' +
                '<stArea:unit>normalized</stArea:unit></mwg-rs:Area></rdf:li>',
            )
            .join('') +
          '</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>'
        : '') +
      '  </rdf:Description>\n',
  );
}

/** IIM dataset numbers in record 2 (IPTC IIM 4.2). */
export const IIM = {
  keywords: 25,
  city: 90,
  sublocation: 92,
  provinceState: 95,
  countryCode: 100,
  country: 101,
  caption: 120,
} as const;

/** A Photoshop APP13 segment holding IIM record-2 datasets, inserted after the JPEG's SOI. */
export function withIptc(jpeg: Buffer, datasets: readonly [number, string | Buffer][]): Buffer {
  const body = Buffer.concat(
    datasets.map(([dataset, value]) => {
      const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
      const header = Buffer.from([0x1c, 0x02, dataset, 0, 0]);
      header.writeUInt16BE(bytes.length, 3);
      return Buffer.concat([header, bytes]);
    }),
  );
  const resource = Buffer.concat([
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0, 0]),
    Buffer.alloc(4),
  ]);
  resource.writeUInt32BE(body.length, 8);
  const payload = Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    resource,
    body,
    body.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0),
  ]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffed, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

export interface ExportJpeg extends Omit<ImageFixture, 'xmp' | 'format'> {
  /** A whole XMP packet (lightroomXmp, exiftoolXmp). */
  xmpPacket?: string;
  iptc?: readonly [number, string | Buffer][];
}

/** A real JPEG with EXIF, and the XMP packet and IPTC datasets given, written where `path` says. */
export async function writeExportJpeg(path: string, fixture: ExportJpeg = {}): Promise<Buffer> {
  let bytes = await imageBytes({ ...fixture, format: 'jpeg' });
  if (fixture.xmpPacket) {
    bytes = await sharp(bytes).keepExif().withXmp(fixture.xmpPacket).jpeg({ quality: 90 }).toBuffer();
  }
  if (fixture.iptc) bytes = withIptc(bytes, fixture.iptc);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return bytes;
}

/**
 * A JPEG whose XMP is split the way Lightroom splits an oversized packet: the main packet (naming the extension's
 * GUID in xmpNote:HasExtendedXMP) and the extension in APP1 chunks of at most `chunkBytes`.
 */
export function withExtendedXmp(jpeg: Buffer, main: string, extension: string, chunkBytes = 200): Buffer {
  const guid = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
  const segment = (payload: Buffer): Buffer => {
    const header = Buffer.alloc(4);
    header.writeUInt16BE(0xffe1, 0);
    header.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([header, payload]);
  };
  const mainPacket = main.replace(
    '<rdf:Description rdf:about=""',
    `<rdf:Description rdf:about="" xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="${guid}"`,
  );
  const body = Buffer.from(extension, 'utf8');
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < body.length; offset += chunkBytes) {
    const lengths = Buffer.alloc(8);
    lengths.writeUInt32BE(body.length, 0);
    lengths.writeUInt32BE(offset, 4);
    chunks.push(
      segment(
        Buffer.concat([
          Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1'),
          Buffer.from(guid, 'latin1'),
          lengths,
          body.subarray(offset, offset + chunkBytes),
        ]),
      ),
    );
  }
  // Chunks may come in any order: reversed here, assembled by offset.
  return Buffer.concat([
    jpeg.subarray(0, 2),
    segment(Buffer.from(`http://ns.adobe.com/xap/1.0/\0${mainPacket}`, 'utf8')),
    ...chunks.reverse(),
    jpeg.subarray(2),
  ]);
}
