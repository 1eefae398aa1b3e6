import { accessSync, constants, mkdirSync } from 'node:fs';

/**
 * Makes DATA_DIR and refuses to start when it cannot take writes (a read-only mount, a volume mounted without
 * write permission): SQLite would otherwise fail later with a bare "unable to open database file". A full disk is
 * not refused here: the library can still be read, and /readyz and /healthz say what is wrong until space is freed.
 */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unwritable';
    const why =
      code === 'EROFS'
        ? 'is on a read-only file system'
        : code === 'EACCES' || code === 'EPERM'
          ? 'is not writable by this user'
          : 'cannot be created or written';
    throw new Error(
      `DATA_DIR ${dataDir} ${why} (${code}): Photo Frame keeps its database, secrets and renditions there; ` +
        'mount it read-write or point DATA_DIR at a writable folder',
    );
  }
}
