import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isOriginalName } from '../folder-source';
import { takeoutSidecarNames } from '../sidecars/takeout';
import { xmpSidecarNames } from '../sidecars/xmp-sidecar';

/**
 * The originals a sidecar (`IMG_1.JPG.json`, `IMG_1.xmp`) describes: those in its folder that would read it,
 * by the same names ingest looks for (Takeout's truncated and duplicate forms, XMP in any case).
 */
export async function photosNextToSidecar(root: string, sidecarPath: string): Promise<string[]> {
  const slash = sidecarPath.lastIndexOf('/');
  const folder = slash < 0 ? '' : sidecarPath.slice(0, slash);
  const sidecar = sidecarPath.slice(slash + 1);
  const names = await readdir(join(root, ...folder.split('/'))).catch(() => [] as string[]);
  const lower = sidecar.toLowerCase();
  return names
    .filter(isOriginalName)
    .filter((name) => takeoutSidecarNames(name).includes(sidecar) || xmpSidecarNames(name).includes(lower))
    .map((name) => (folder === '' ? name : `${folder}/${name}`));
}
