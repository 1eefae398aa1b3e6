import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchServerConfig } from './serve-display';

export interface DisplayServerProcess {
  baseUrl: string;
  pid: number;
  /** Current and peak resident set size of the server process, in MB (from /proc). */
  memory(): Promise<{ rssMb: number; peakRssMb: number }>;
  stop(): Promise<void>;
}

/** Starts bench/display/serve-display.ts in its own node process and waits for `READY <port>`. */
export async function startDisplayServer(config: BenchServerConfig): Promise<DisplayServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'serve-display.ts'), JSON.stringify(config)],
    // MALLOC_ARENA_MAX=1, as the npm scripts set it (why: display-service/renditions/sharp-settings.ts);
    // without it every libvips worker thread grows its own malloc arena and RSS balloons.
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, MALLOC_ARENA_MAX: '1' },
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /READY (\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`display server exited with ${code}`)));
  });
  const pid = child.pid ?? 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid,
    async memory() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
