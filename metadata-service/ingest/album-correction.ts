import type { Logger } from '../../common/logger';
import type { PhotoRepository, StoredSource } from '../repositories/photo-repository';
import { albumDisplayName, isAlbumName } from './album-names';
import { folderLabels } from './photo-labels';
import { folderAlbumNames, type AlbumFolderMode } from './photo-record';
import type { PhotoSource } from './photo-source';

/**
 * Libraries ingested under an older album rule hold albums that are not albums ("Photos from 2026", "Phone",
 * "100CANON") or carry Takeout's duplicate counter ("Trip(1)"). A run drops them and refiles the photos that were
 * in them (folder albums and folder labels by today's rule), so "photos from Paris" never meets an album called
 * "Photos from". Unchanged files are otherwise never read again, so this is the only way such a library heals; it
 * costs one look at the owner's album names per run. Returns how many photos of this source were refiled.
 */
export async function correctOldAlbums(
  source: PhotoSource,
  storedByPath: ReadonlyMap<string, StoredSource>,
  options: { ownerId: string; albumFolders: AlbumFolderMode },
  deps: { repository: PhotoRepository; logger: Logger },
): Promise<number> {
  const { ownerId } = options;
  const wrong = (await deps.repository.listAlbums(ownerId)).filter(
    (album) => !isAlbumName(album.name) || albumDisplayName(album.name) !== album.name.trim(),
  );
  if (wrong.length === 0) return 0;
  const photoIds = new Set(
    await deps.repository.dropAlbums(
      ownerId,
      wrong.map((album) => album.id),
    ),
  );
  let refiled = 0;
  for (const stored of storedByPath.values()) {
    if (!photoIds.has(stored.id)) continue;
    await deps.repository.updateSource(ownerId, stored.id, {
      sourceRoot: stored.sourceRoot,
      sourcePath: stored.sourcePath,
      sourceUri: source.uriFor(stored.sourcePath),
      fileMtime: stored.fileMtime,
      folderLabels: folderLabels(stored.sourcePath),
      folderAlbums: folderAlbumNames(stored.sourcePath, options.albumFolders),
    });
    refiled += 1;
  }
  deps.logger.info('albums from an older rule removed', {
    albums: wrong.map((album) => album.name),
    photos: photoIds.size,
    refiled,
  });
  return refiled;
}
