import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MOTION_NAME, STILL_NAME } from './pair-live-photos';

/**
 * The stills in a video's folder with the video's base name (IMG_1.MOV → IMG_1.HEIC): the photos a watcher must
 * look at again when a Live Photo's video arrives or goes after its still, since the video is no entry of its own.
 */
export async function stillsBesideVideo(root: string, videoPath: string): Promise<string[]> {
  const slash = videoPath.lastIndexOf('/');
  const name = videoPath.slice(slash + 1);
  if (!MOTION_NAME.test(name)) return [];
  const folder = slash < 0 ? '' : videoPath.slice(0, slash);
  const stem = stemOf(name);
  const names = await readdir(join(root, ...folder.split('/').filter(Boolean))).catch(() => [] as string[]);
  return names
    .filter((other) => STILL_NAME.test(other) && !other.startsWith('.') && stemOf(other) === stem)
    .map((other) => (folder === '' ? other : `${folder}/${other}`));
}

function stemOf(name: string): string {
  return name.replace(/\.[^.]+$/, '').toLowerCase();
}
