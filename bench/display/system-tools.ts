import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Debian packages the bench compares against or drives (wrk), and ffmpeg, which makes the clips the clip section
 * renders; installed with apt-get when missing and running as root.
 */
const PACKAGES: Record<string, string> = {
  vipsthumbnail: 'libvips-tools',
  nginx: 'nginx',
  wrk: 'wrk',
  ffmpeg: 'ffmpeg',
};

export function findTool(name: string): string | undefined {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']) {
    const result = spawnSync('test', ['-x', `${dir}/${name}`]);
    if (result.status === 0) return `${dir}/${name}`;
  }
  return undefined;
}

/** Paths of the tools, installing missing ones if possible; a missing tool is reported, not fatal. */
export function ensureTools(log: (line: string) => void): Record<string, string | undefined> {
  const missing = Object.keys(PACKAGES).filter((tool) => !findTool(tool));
  if (missing.length > 0) {
    const packages = missing.map((tool) => PACKAGES[tool]).join(' ');
    if (process.getuid?.() === 0) {
      log(`installing ${packages} (apt-get install -y ${packages}) ...`);
      try {
        execFileSync('apt-get', ['install', '-y', ...missing.map((tool) => PACKAGES[tool] ?? tool)], {
          stdio: 'ignore',
        });
      } catch {
        log(`apt-get failed; run as root: apt-get update && apt-get install -y ${packages}`);
      }
    } else {
      log(`missing ${missing.join(', ')}: run as root: apt-get install -y ${packages}`);
    }
  }
  return Object.fromEntries(Object.keys(PACKAGES).map((tool) => [tool, findTool(tool)]));
}
