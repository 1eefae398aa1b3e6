import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { livePhotoStem, MOTION_NAME, STILL_NAME } from './pair-live-photos';

/**
 * The stills in a video's folder with the video's base name (IMG_1.MOV → IMG_1.HEIC): the photos a watcher must
 * look at again when a Live Photo's video arrives or goes after its still, since the video is no entry of its own.
 */
export function stillsBesideVideo(root: string, videoPath: string): Promise<string[]> {
  return MOTION_NAME.test(videoPath) ? sameStemBeside(root, videoPath, STILL_NAME) : Promise.resolve([]);
}

/**
 * The videos in a still's folder with the still's base name (IMG_1.HEIC → IMG_1.MOV): a video stored as a video of
 * its own until its still arrived (a copy that wrote the MOV first) is the still's motion now, and the watcher
 * must look at it again so its photo goes.
 */
export function videosBesideStill(root: string, stillPath: string): Promise<string[]> {
  return STILL_NAME.test(stillPath) ? sameStemBeside(root, stillPath, MOTION_NAME) : Promise.resolve([]);
}

async function sameStemBeside(root: string, path: string, kind: RegExp): Promise<string[]> {
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash);
  const stem = livePhotoStem(path.slice(slash + 1));
  const names = await readdir(join(root, ...folder.split('/').filter(Boolean))).catch(() => [] as string[]);
  return names
    .filter((other) => kind.test(other) && !other.startsWith('.') && livePhotoStem(other) === stem)
    .map((other) => (folder === '' ? other : `${folder}/${other}`));
}
