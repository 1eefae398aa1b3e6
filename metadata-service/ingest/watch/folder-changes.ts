import { isOriginalName } from '../folder-source';

/**
 * What happened in a watched folder since the last pass, as paths relative to the library root ('/'-separated).
 * A path appears in one list only: its latest event decides which.
 */
export interface FolderChanges {
  /** Originals added or rewritten (a rename's new name, an editor's atomic save). */
  changed: string[];
  /** Originals that are gone (a rename's old name, a delete). */
  removed: string[];
  /** Folders that are gone, each ending in '/': every photo stored under them goes too. */
  removedFolders: string[];
  /** Takeout (.json) and XMP (.xmp) sidecars written or removed: the photos next to them are looked at again. */
  sidecars: string[];
}

export type FolderChangeKind = 'changed' | 'removed' | 'removed-folder' | 'sidecar';

export interface FolderChange {
  kind: FolderChangeKind;
  path: string;
}

/** The file-system events a watcher reports (chokidar's names). */
export type WatchEventName = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

const SIDECAR_NAME = /\.(json|xmp)$/i;

/**
 * The change a watcher event means for the library, or undefined when it means nothing: dotfiles and files in
 * dot-folders (.Trash, an editor's .swp), temporary names (`IMG_1.jpg.tmp`, `IMG_1.jpg~`), new folders (their files
 * arrive as events of their own). The content of a `.jpg` is still sniffed by ingest; the name only filters noise.
 */
export function folderChangeFor(event: WatchEventName, path: string): FolderChange | undefined {
  const segments = path.split('/');
  if (path === '' || segments.some((s) => s === '' || s === '..' || s.startsWith('.'))) return undefined;
  const name = segments.at(-1) ?? '';
  if (event === 'unlinkDir') return { kind: 'removed-folder', path: `${path}/` };
  if (event === 'addDir') return undefined;
  if (isOriginalName(name)) return { kind: event === 'unlink' ? 'removed' : 'changed', path };
  if (SIDECAR_NAME.test(name)) return { kind: 'sidecar', path };
  return undefined;
}

export function emptyFolderChanges(): FolderChanges {
  return { changed: [], removed: [], removedFolders: [], sidecars: [] };
}

export function countFolderChanges(changes: FolderChanges): number {
  return (
    changes.changed.length + changes.removed.length + changes.removedFolders.length + changes.sidecars.length
  );
}
