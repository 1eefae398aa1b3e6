import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');

/** Where the Debian packages' test photos are (see scripts/fetch-vision-test-photos.sh). */
export interface VisionTestPhotos {
  root: string;
  darknet(name: string): string;
  dlibFaces(name: string): string;
  johns: string;
}

let found: { photos?: VisionTestPhotos; problem?: string } | undefined;

/**
 * The real photos vision is tested on: VISION_TEST_PHOTOS (CI fetches them first), else fetched now by the script
 * (cached between runs). When the package archive cannot be reached the calling suite is skipped with the reason,
 * unless VISION_TESTS_REQUIRED=1 (CI), where that is a failure.
 */
export function visionTestPhotos(context: Mocha.Context): VisionTestPhotos {
  found ??= locate();
  if (found.photos) return found.photos;
  const reason = `vision test photos unavailable: ${found.problem ?? 'unknown'}`;
  if (process.env.VISION_TESTS_REQUIRED === '1') throw new Error(`${reason} (VISION_TESTS_REQUIRED=1)`);
  process.stderr.write(`    skipping: ${reason}\n`);
  context.skip();
}

function locate(): { photos?: VisionTestPhotos; problem?: string } {
  let root = process.env.VISION_TEST_PHOTOS?.trim();
  if (!root) {
    const fetched = spawnSync(join(REPO_ROOT, 'scripts/fetch-vision-test-photos.sh'), {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (fetched.status !== 0) {
      return {
        problem: `the Debian package archive is unreachable (${(fetched.stderr || String(fetched.error)).trim().slice(-300)})`,
      };
    }
    root = fetched.stdout.trim().split('\n').pop();
  }
  if (!root || !existsSync(join(root, 'usr/share/darknet/data/dog.jpg'))) {
    return { problem: `no darknet photos under ${root ?? '(nothing)'}` };
  }
  const photos: VisionTestPhotos = {
    root,
    darknet: (name) => join(root, 'usr/share/darknet/data', name),
    dlibFaces: (name) => join(root, 'usr/share/doc/libdlib19.1/examples/faces', name),
    johns: join(root, 'usr/share/doc/libdlib19.1/examples/johns'),
  };
  return { photos };
}
