import { execFile } from 'node:child_process';
import { basename, dirname, join } from 'node:path';

/**
 * Debian's ffmpeg and ffprobe, run as child processes (no npm package ships a maintained H.264/AAC encoder for
 * Node 20; the operating system's ffmpeg is the one the issue asks for). FFMPEG_PATH overrides the binary;
 * FFPROBE_PATH overrides the prober, which otherwise sits next to the ffmpeg it was given.
 */
export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
}

export function mediaToolsFromEnv(env: NodeJS.ProcessEnv = process.env): MediaTools {
  const ffmpeg = env.FFMPEG_PATH?.trim() || 'ffmpeg';
  const sibling = basename(ffmpeg) === ffmpeg ? 'ffprobe' : join(dirname(ffmpeg), 'ffprobe');
  return { ffmpeg, ffprobe: env.FFPROBE_PATH?.trim() || sibling };
}

export interface ToolRun {
  timeoutMs: number;
  /** Standard output beyond this fails the run: a tool never fills memory for a hostile file. */
  maxOutputBytes: number;
  signal?: AbortSignal;
}

/** Why a tool run failed: it did not exist, ran out of time, wrote too much, or exited with an error. */
export class ToolFailure extends Error {
  constructor(
    readonly reason: 'missing' | 'timeout' | 'too-much-output' | 'failed' | 'aborted',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ToolFailure';
  }
}

/** Runs one tool with arguments (never a shell), killing it at the timeout; resolves with its standard output. */
export function runTool(binary: string, args: readonly string[], run: ToolRun): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      args,
      {
        encoding: 'buffer',
        timeout: run.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: run.maxOutputBytes,
        ...(run.signal ? { signal: run.signal } : {}),
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const detail = `${basename(binary)}: ${lastLine(stderr)}`;
        const code = (error as { code?: unknown }).code;
        if (code === 'ENOENT')
          reject(new ToolFailure('missing', `${binary} is not installed`, { cause: error }));
        else if (code === 'ABORT_ERR') reject(new ToolFailure('aborted', detail, { cause: error }));
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          reject(new ToolFailure('too-much-output', detail, { cause: error }));
        else if (error.killed) reject(new ToolFailure('timeout', detail, { cause: error }));
        else reject(new ToolFailure('failed', detail, { cause: error }));
      },
    );
  });
}

function lastLine(stderr: Buffer | string): string {
  const lines = stderr.toString().trim().split('\n');
  return (lines[lines.length - 1] ?? '').slice(0, 300);
}
