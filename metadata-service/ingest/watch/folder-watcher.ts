import { relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { folderChangeFor, type FolderChange, type WatchEventName } from './folder-changes';
import { isFolder } from './is-folder';

export interface FolderWatcherOptions {
  /** A file is reported once its size has not changed for this long (a copy or download still being written). */
  stableMs: number;
}

export interface FolderWatcherHandlers {
  change(change: FolderChange): void;
  /**
   * The watcher stopped working (EMFILE, ENOSPC: out of inotify watches, the root folder removed): it is closed,
   * and nothing more is reported. The caller falls back to rescanning.
   */
  failed(error: Error): void;
}

export interface FolderWatcher {
  /** Resolves once the initial walk is done and every later change is reported (or the watcher failed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const WATCHED_EVENTS = new Set<string>(['add', 'change', 'unlink', 'addDir', 'unlinkDir']);

/**
 * Watches a library folder with chokidar: the existing files are not reported (the startup ingest has them),
 * partial writes are reported once their size settles (awaitWriteFinish), and an editor's save through a
 * temporary file and a rename is one change (chokidar's `atomic`). Dot-folders are never descended into and
 * symbolic links to folders are not followed, as the ingest walk does.
 */
export function watchFolder(
  root: string,
  options: FolderWatcherOptions,
  handlers: FolderWatcherHandlers,
): FolderWatcher {
  let failed = false;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolvePromise) => {
    resolveReady = resolvePromise;
  });
  const relativePath = (path: string): string => relative(root, path).split(sep).join('/');
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    atomic: true,
    awaitWriteFinish: { stabilityThreshold: options.stableMs, pollInterval: 100 },
    ignored: (path) =>
      relativePath(path)
        .split('/')
        .some((segment) => segment.startsWith('.')),
  });
  const fail = (error: Error): void => {
    if (failed) return;
    failed = true;
    void watcher.close();
    resolveReady();
    handlers.failed(error);
  };
  const rootRemoved = (): void =>
    fail(Object.assign(new Error('the photo folder was removed'), { code: 'SOURCE_NOT_FOUND' }));
  watcher.on('all', (event, path) => {
    if (failed || !WATCHED_EVENTS.has(event)) return;
    const rel = relativePath(path);
    if (event === 'unlinkDir' && rel === '') {
      rootRemoved();
      return;
    }
    const change = folderChangeFor(event as WatchEventName, rel);
    if (change) handlers.change(change);
    // chokidar does not always report the root's own removal (a clean-clone CI run saw the files under it go and
    // nothing more for 30 s): after any removal, whether the root is still a folder is asked directly.
    if (event === 'unlink' || event === 'unlinkDir') {
      void isFolder(root).then((present) => {
        if (!present) rootRemoved();
      });
    }
  });
  watcher.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
  watcher.once('ready', () => resolveReady());
  return {
    ready,
    close: async () => {
      failed = true;
      await watcher.close();
    },
  };
}
