import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A real, small ext4 file system on a loop device, for the faults a DATA_DIR meets in production: it fills up, and
 * it turns read-only under running processes the way ext4 does on an I/O error (`errors=remount-ro`, triggered
 * through the kernel's own `trigger_fs_error`). A tmpfs cannot do the second: the kernel refuses to remount a file
 * system read-only while files are open for writing, which is exactly the state a running server is in.
 */
export interface SmallFileSystem {
  /** Where it is mounted: use it (or a folder in it) as DATA_DIR. */
  readonly path: string;
  /** Fills every free byte (no blocks are reserved for root, so root is refused too). */
  fill(): Promise<void>;
  /** Frees what `fill` took. */
  unfill(): void;
  /** An ext4 error: the kernel remounts it read-only under open files, as after a failing disk. */
  breakIntoReadOnly(): void;
  /** The operator's repair: unmount, fsck, mount read-write again (processes using it must be stopped first). */
  repair(): void;
  /** Mounts it read-only from the start (after unmounting), as a volume mounted without write access. */
  remountReadOnly(): void;
  destroy(): void;
}

const FILLER = 'filler.bin';

/** Undefined when this machine cannot make one (not root, no loop devices): the caller decides whether to skip. */
export function smallFileSystemsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root (loop mounts need root)';
  try {
    execFileSync('losetup', ['-f'], { stdio: 'pipe' });
    execFileSync('which', ['mkfs.ext4', 'e2fsck'], { stdio: 'pipe' });
  } catch {
    return 'no free loop device or no e2fsprogs';
  }
  return undefined;
}

export function createSmallFileSystem(sizeMb: number): SmallFileSystem {
  const scratch = mkdtempSync(join(tmpdir(), 'photoframe-smallfs-'));
  const image = join(scratch, 'disk.img');
  const path = join(scratch, 'mnt');
  mkdirSync(path);
  execFileSync('truncate', ['-s', `${sizeMb}M`, image]);
  // -m 0: no blocks reserved for root, so a server running as root meets a full disk like anyone else.
  execFileSync('mkfs.ext4', ['-q', '-F', '-m', '0', image]);
  const mount = (...options: string[]): void => {
    execFileSync('mount', ['-o', ['loop', 'errors=remount-ro', ...options].join(','), image, path]);
  };
  const unmount = (): void => {
    execFileSync('umount', [path]);
  };
  mount();
  return {
    path,
    async fill() {
      const fd = openSync(join(path, FILLER), 'a');
      try {
        const chunk = Buffer.alloc(1024 * 1024);
        for (;;) {
          const { bavail, bsize } = await statfs(path);
          if (bavail === 0) break;
          try {
            writeSync(fd, chunk.subarray(0, Math.min(chunk.length, bavail * bsize)));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    unfill() {
      rmSync(join(path, FILLER), { force: true });
    },
    breakIntoReadOnly() {
      const device = execFileSync('findmnt', ['-n', '-o', 'SOURCE', path], { encoding: 'utf8' }).trim();
      execFileSync('sh', ['-c', `echo 1 > /sys/fs/ext4/${basename(device)}/trigger_fs_error`]);
    },
    repair() {
      unmount();
      // e2fsck exits 1 when it fixed something: that is the point of running it.
      try {
        execFileSync('e2fsck', ['-f', '-y', image], { stdio: 'pipe' });
      } catch (error) {
        if ((error as { status?: number }).status !== 1) throw error;
      }
      mount();
    },
    remountReadOnly() {
      unmount();
      mount('ro');
    },
    destroy() {
      try {
        unmount();
      } catch {
        // Already unmounted by a failed step; the image is removed either way.
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
