import type { Place } from '../places/place';
import { placeFromNames } from '../places/place-from-names';
import { reverseGeocode } from '../places/reverse-geocode';
import type { AlbumRecord, PhotoRecord } from '../repositories/photo-repository';
import { albumDisplayName, isAlbumName } from './album-names';
import { photoIdFor } from './photo-id';
import type { NamedLocation, PhotoMetadata } from './photo-metadata';
import type { SourceFile } from './photo-source';

/**
 * Which folders along a photo's path are albums (`LIBRARY_ALBUM_FOLDERS`): `leaf` the deepest folder a person named,
 * `all` every such folder from the library root down, `none` no folder albums. The library root itself is never one,
 * and neither is filing (dates, camera, device and app folders: album-names.ts).
 */
export const ALBUM_FOLDER_MODES = ['leaf', 'all', 'none'] as const;
export type AlbumFolderMode = (typeof ALBUM_FOLDER_MODES)[number];
export const DEFAULT_ALBUM_FOLDER_MODE: AlbumFolderMode = 'leaf';

export interface PhotoRecordInput {
  ownerId: string;
  contentHash: string;
  file: SourceFile;
  sourceRoot: string;
  sourceUri: string;
  metadata: PhotoMetadata;
  ingestedAt: Date;
  albumFolders?: AlbumFolderMode;
  /** Offline reverse geocoding; injectable so callers (and tests) can supply their own gazetteer. */
  geocode?: (latitude: number, longitude: number) => Place | null;
  /** The place IPTC/XMP location names stand for (photos without GPS); injectable like `geocode`. */
  placeFromNames?: (names: NamedLocation) => Place | null;
}

/** What the library stores for one original: its metadata, where it lives, whose it is, where and who. */
export function toPhotoRecord(input: PhotoRecordInput): PhotoRecord {
  const { metadata, file } = input;
  const { taken } = metadata;
  return {
    id: photoIdFor(input.ownerId, input.contentHash),
    ownerId: input.ownerId,
    contentHash: input.contentHash,
    bytes: file.bytes,
    sourceRoot: input.sourceRoot,
    sourcePath: file.path,
    sourceUri: input.sourceUri,
    mediaType: metadata.mediaType,
    mediaKind: metadata.mediaKind,
    width: metadata.width,
    height: metadata.height,
    orientation: metadata.orientation,
    durationMs: metadata.durationMs,
    ...(metadata.motion ? { motion: metadata.motion } : {}),
    takenLocal: taken.local,
    takenUtc: taken.utc,
    takenTimeSource: taken.source,
    timeZone: taken.timeZone,
    timeZoneSource: taken.timeZoneSource,
    latitude: metadata.gps?.latitude ?? null,
    longitude: metadata.gps?.longitude ?? null,
    place: placeFor(metadata, input),
    cameraMake: metadata.camera.make,
    cameraModel: metadata.camera.model,
    title: metadata.title,
    description: metadata.description,
    favorite: metadata.favorite,
    rating: metadata.rating,
    isScreenshot: metadata.isScreenshot,
    perceptualHash: metadata.perceptualHash,
    people: metadata.people,
    albums: albumsFor(file.path, metadata.albums, input.albumFolders ?? DEFAULT_ALBUM_FOLDER_MODE),
    fileMtime: file.modifiedAt.toISOString(),
    ingestedAt: input.ingestedAt.toISOString(),
  };
}

/**
 * Where the photo was taken: GPS (the file's or its sidecar's) wins; a photo without a position is placed by the
 * location names its IPTC/XMP fields carry ("Paris", "France"), through the same gazetteer.
 */
function placeFor(
  metadata: PhotoMetadata,
  resolvers: Pick<PhotoRecordInput, 'geocode' | 'placeFromNames'>,
): Place | null {
  if (metadata.gps) {
    return (resolvers.geocode ?? reverseGeocode)(metadata.gps.latitude, metadata.gps.longitude);
  }
  if (Object.keys(metadata.location).length === 0) return null;
  return (resolvers.placeFromNames ?? placeFromNames)(metadata.location);
}

/**
 * The albums a person made that this photo is in: album folders along the relative path (see album-names.ts), then
 * the albums its file or sidecar names (Takeout album titles, XMP/IPTC events) when they are albums too.
 */
export function albumsFor(
  relativePath: string,
  carried: readonly string[],
  mode: AlbumFolderMode,
): AlbumRecord[] {
  return [
    ...folderAlbumNames(relativePath, mode).map((name) => ({ name, source: 'folder' as const })),
    ...carried
      .filter(isAlbumName)
      .map((name) => ({ name: albumDisplayName(name), source: 'takeout' as const })),
  ];
}

/**
 * Folder albums along a relative path. `leaf`: the deepest folder that is an album ("Summer trip/DCIM/100CANON/x.jpg"
 * is in "Summer trip", "Photos from 2019/x.jpg" in none); `all`: every folder that is one; `none`: no folder albums.
 */
export function folderAlbumNames(relativePath: string, mode: AlbumFolderMode): string[] {
  if (mode === 'none') return [];
  const albums = relativePath.split('/').slice(0, -1).filter(isAlbumName).map(albumDisplayName);
  return mode === 'leaf' ? albums.slice(-1) : albums;
}
