import { stat } from 'node:fs/promises';

/** Whether `path` is a folder right now (false when it is gone, a file, or cannot be read). */
export async function isFolder(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ?? false;
}
