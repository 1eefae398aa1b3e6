import { captureTimeFromIso, placeCaptureTime } from '../exif-dates';
import { hierarchicalKeywordPeople } from '../photo-labels';
import type { PhotoMetadata } from '../photo-metadata';
import { parseXmp } from '../readers/xmp';

/** XMP sidecars are a few KB; anything bigger is not one (the packet reader has its own bound too). */
export const MAX_XMP_SIDECAR_BYTES = 2 * 1024 * 1024;

/**
 * Names an XMP sidecar of `fileName` may have: `IMG_1.HEIC.xmp` (darktable, digiKam) and `IMG_1.xmp` (Lightroom,
 * Apple Photos' "Export IPTC as XMP"), matched case-insensitively against the folder's names.
 */
export function xmpSidecarNames(fileName: string): string[] {
  const stem = fileName.replace(/\.[^.]*$/, '');
  return [...new Set([`${fileName}.xmp`, `${stem}.xmp`].map((name) => name.toLowerCase()))];
}

/**
 * Merges an XMP sidecar into what the file said. The file wins where it has data; the sidecar fills what it lacks
 * (a position, which also places an EXIF local time in its zone; a date for a file dated only by its mtime; a
 * title, description, rating and location) and adds its keywords, people and albums.
 */
export function applyXmpSidecar(metadata: PhotoMetadata, packet: string): PhotoMetadata {
  const xmp = parseXmp(packet);
  const gps = metadata.gps ?? xmp.gps ?? null;
  let taken = metadata.taken;
  if (!metadata.gps && gps) taken = placeCaptureTime(taken, gps);
  if (taken.source === 'file-modified') taken = captureTimeFromIso(xmp.dateCreated, gps) ?? taken;
  const rating = metadata.rating ?? xmp.rating ?? null;
  return {
    ...metadata,
    gps,
    taken,
    keywords: unique([...metadata.keywords, ...xmp.keywords]),
    hierarchicalKeywords: unique([...metadata.hierarchicalKeywords, ...xmp.hierarchicalKeywords]),
    title: metadata.title ?? xmp.title ?? null,
    description: metadata.description ?? xmp.description ?? null,
    people: unique([
      ...metadata.people,
      ...xmp.people,
      ...hierarchicalKeywordPeople(xmp.hierarchicalKeywords),
    ]),
    rating,
    favorite: metadata.favorite || rating === 5,
    albums: unique([...metadata.albums, ...xmp.albums]),
    location: Object.keys(metadata.location).length > 0 ? metadata.location : xmp.location,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
