import type { FaceRegion, NamedLocation } from '../photo-metadata';
import { rdfStructs, rdfText, rdfTexts, readRdf, type RdfStruct, type RdfValue } from './rdf';

/** What Photo Frame uses from an XMP packet. Absent values are undefined or empty. */
export interface XmpFacts {
  /** dc:subject. */
  keywords: string[];
  /** lr:hierarchicalSubject ("Places|Europe|France|Paris", "Animals|Dog"), as written. */
  hierarchicalKeywords: string[];
  title?: string;
  description?: string;
  /** xmp:Rating: -1 rejected, 0 unrated, 1..5. */
  rating?: number;
  /**
   * People named in the photo: MWG face regions (Lightroom, digiKam, Picasa, Apple Photos exports), Microsoft Photo
   * regions (Windows Live Photo Gallery) and IPTC Extension PersonInImage.
   */
  people: string[];
  /** Named face regions with their boxes, in fractions of the upright photo. */
  faceRegions: FaceRegion[];
  /** exif:UserComment mirrored into XMP (iOS screenshots carry "Screenshot" here). */
  userComment?: string;
  /** exif:DateTimeOriginal, photoshop:DateCreated or xmp:CreateDate, as written (ISO 8601, offset optional). */
  dateCreated?: string;
  /** Where the photo was taken, by name (IPTC Extension LocationCreated, photoshop:City/State/Country, …). */
  location: NamedLocation;
  /** Album or event names the file carries (xmpDM:album, IPTC Extension Event). */
  albums: string[];
  /** exifEX:LensModel or aux:Lens: the lens as the camera or an editor names it. */
  lens?: string;
  /** GPano:ProjectionType ("equirectangular", "cylindrical"): a panorama or photo sphere from a phone's camera. */
  projection?: string;
  /** exif:GPSLatitude/GPSLongitude (XMP sidecars from Apple Photos and Lightroom carry the position there). */
  gps?: { latitude: number; longitude: number };
}

const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  lr: 'http://ns.adobe.com/lightroom/1.0/',
  iptcCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  iptcExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  xmpDM: 'http://ns.adobe.com/xmp/1.0/DynamicMedia/',
  mwgRegions: 'http://www.metadataworkinggroup.com/schemas/regions/',
  area: 'http://ns.adobe.com/xmp/sType/Area#',
  mp: 'http://ns.microsoft.com/photo/1.2/',
  mpRegionInfo: 'http://ns.microsoft.com/photo/1.2/t/RegionInfo#',
  mpRegion: 'http://ns.microsoft.com/photo/1.2/t/Region#',
  exifEX: 'http://cipa.jp/exif/1.0/',
  aux: 'http://ns.adobe.com/exif/1.0/aux/',
  gPano: 'http://ns.google.com/photos/1.0/panorama/',
} as const;

/**
 * Reads the properties Photo Frame uses from an XMP packet through a real RDF/XML reading (rdf.ts), in whichever
 * form the writer used, with a JPEG's extended XMP (extended-xmp.ts) merged in. Unknown or malformed content
 * yields nothing rather than an error.
 */
export function parseXmp(packet: Buffer | string | undefined, extended?: string): XmpFacts {
  // The extension holds properties the main packet does not (XMP Part 3): the two are one set of properties.
  const rdf = extended === undefined ? readRdf(packet) : { ...readRdf(extended), ...readRdf(packet) };
  const get = (ns: string, name: string): RdfValue | undefined => rdf[`${ns}${name}`];
  const rating = Number(rdfText(get(NS.xmp, 'Rating')));
  const regions = [
    ...mwgRegions(get(NS.mwgRegions, 'Regions')),
    ...microsoftRegions(get(NS.mp, 'RegionInfo')),
  ];
  return {
    keywords: unique(rdfTexts(get(NS.dc, 'subject'))),
    hierarchicalKeywords: unique(rdfTexts(get(NS.lr, 'hierarchicalSubject'))),
    title: rdfText(get(NS.dc, 'title')),
    description: rdfText(get(NS.dc, 'description')),
    rating: Number.isInteger(rating) && rating >= -1 && rating <= 5 ? rating : undefined,
    people: unique([...regions.map((region) => region.name), ...rdfTexts(get(NS.iptcExt, 'PersonInImage'))]),
    faceRegions: regions.filter((region): region is FaceRegion => region.box !== undefined),
    userComment: rdfText(get(NS.exif, 'UserComment')),
    dateCreated:
      rdfText(get(NS.exif, 'DateTimeOriginal')) ??
      rdfText(get(NS.photoshop, 'DateCreated')) ??
      rdfText(get(NS.xmp, 'CreateDate')),
    location: locationOf(rdf),
    albums: unique([...rdfTexts(get(NS.xmpDM, 'album')), ...rdfTexts(get(NS.iptcExt, 'Event'))]),
    gps: xmpGps(rdfText(get(NS.exif, 'GPSLatitude')), rdfText(get(NS.exif, 'GPSLongitude'))),
    lens: rdfText(get(NS.exifEX, 'LensModel')) ?? rdfText(get(NS.aux, 'Lens')),
    projection: rdfText(get(NS.gPano, 'ProjectionType')),
  };
}

/** XMP writes EXIF coordinates as "DDD,MM.mmmmK" or "DDD,MM,SSK" (K one of N, S, E, W). */
const XMP_COORDINATE = /^(\d{1,3}),(\d{1,2}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?([NSEW])$/i;

function xmpGps(
  latitude: string | undefined,
  longitude: string | undefined,
): { latitude: number; longitude: number } | undefined {
  const degrees = (value: string | undefined, negative: string): number | undefined => {
    const match = XMP_COORDINATE.exec(value?.trim() ?? '');
    if (!match) return undefined;
    const decimal = Number(match[1]) + Number(match[2]) / 60 + Number(match[3] ?? 0) / 3600;
    return (match[4] ?? '').toUpperCase() === negative ? -decimal : decimal;
  };
  const lat = degrees(latitude, 'S');
  const lon = degrees(longitude, 'W');
  if (lat === undefined || lon === undefined) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return undefined;
  return { latitude: lat, longitude: lon };
}

/**
 * The place the photo was taken, by name: IPTC Extension LocationCreated first (the standard's "where the photo was
 * taken"), then the legacy photoshop:City/State/Country with Iptc4xmpCore:Location/CountryCode (what Lightroom and
 * Apple Photos write), then LocationShown. One source is taken whole, never mixed field by field.
 */
function locationOf(rdf: RdfStruct): NamedLocation {
  const fromStruct = (value: RdfValue | undefined): NamedLocation => {
    const [location] = rdfStructs(value);
    if (!location) return {};
    const field = (name: string): string | undefined => rdfText(location[`${NS.iptcExt}${name}`]);
    return compact({
      sublocation: field('Sublocation'),
      city: field('City'),
      region: field('ProvinceState'),
      country: field('CountryName'),
      countryCode: field('CountryCode'),
    });
  };
  const legacy = compact({
    sublocation: rdfText(rdf[`${NS.iptcCore}Location`]),
    city: rdfText(rdf[`${NS.photoshop}City`]),
    region: rdfText(rdf[`${NS.photoshop}State`]),
    country: rdfText(rdf[`${NS.photoshop}Country`]),
    countryCode: rdfText(rdf[`${NS.iptcCore}CountryCode`]),
  });
  const candidates = [
    fromStruct(rdf[`${NS.iptcExt}LocationCreated`]),
    legacy,
    fromStruct(rdf[`${NS.iptcExt}LocationShown`]),
  ];
  return candidates.find((location) => Object.keys(location).length > 0) ?? {};
}

type NamedRegion = { name: string; box?: FaceRegion['box'] };

/** MWG regions of type Face (or untyped) with a name; the box when its area is a normalized rectangle. */
function mwgRegions(regions: RdfValue | undefined): NamedRegion[] {
  const [info] = rdfStructs(regions);
  if (!info) return [];
  return rdfStructs(info[`${NS.mwgRegions}RegionList`]).flatMap((region) => {
    const name = rdfText(region[`${NS.mwgRegions}Name`]);
    const type = rdfText(region[`${NS.mwgRegions}Type`]);
    if (!name || (type !== undefined && type !== 'Face')) return [];
    const [area] = rdfStructs(region[`${NS.mwgRegions}Area`]);
    const box = area ? mwgBox(area) : undefined;
    return [box ? { name, box } : { name }];
  });
}

/** MWG areas are centre x/y plus width/height, normalized; boxes are kept as left/top/width/height. */
function mwgBox(area: RdfStruct): FaceRegion['box'] | undefined {
  const unit = rdfText(area[`${NS.area}unit`]);
  if (unit !== undefined && unit !== 'normalized') return undefined;
  const [x, y, w, h] = ['x', 'y', 'w', 'h'].map((n) => Number(rdfText(area[`${NS.area}${n}`])));
  return validBox({
    left: (x ?? NaN) - (w ?? NaN) / 2,
    top: (y ?? NaN) - (h ?? NaN) / 2,
    width: w,
    height: h,
  });
}

/** Windows Photo Gallery regions: PersonDisplayName and a "left, top, width, height" rectangle. */
function microsoftRegions(info: RdfValue | undefined): NamedRegion[] {
  const [regionInfo] = rdfStructs(info);
  if (!regionInfo) return [];
  return rdfStructs(regionInfo[`${NS.mpRegionInfo}Regions`]).flatMap((region) => {
    const name = rdfText(region[`${NS.mpRegion}PersonDisplayName`]);
    if (!name) return [];
    const [left, top, width, height] = (rdfText(region[`${NS.mpRegion}Rectangle`]) ?? '')
      .split(',')
      .map(Number);
    const box = validBox({ left, top, width, height });
    return [box ? { name, box } : { name }];
  });
}

function validBox(box: {
  left: number | undefined;
  top: number | undefined;
  width: number | undefined;
  height: number | undefined;
}): FaceRegion['box'] | undefined {
  const { left, top, width, height } = box;
  const values = [left, top, width, height];
  if (!values.every((v): v is number => v !== undefined && Number.isFinite(v))) return undefined;
  const [l, t, w, h] = values as [number, number, number, number];
  if (w <= 0 || h <= 0 || l < -0.01 || t < -0.01 || l + w > 1.01 || t + h > 1.01) return undefined;
  return { left: Math.max(0, l), top: Math.max(0, t), width: w, height: h };
}

function compact(location: NamedLocation): NamedLocation {
  return Object.fromEntries(Object.entries(location).filter(([, value]) => value !== undefined));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}
