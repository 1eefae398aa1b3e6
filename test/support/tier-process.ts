import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { rawGet } from './raw-http';

const REPO_ROOT = join(__dirname, '..', '..');

/** A port nothing listens on right now (the kernel's pick on loopback), for a child process to listen on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Asks `attempt` every `intervalMs` until it gives a value (a rejection counts as "not yet"). */
export async function until<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 200 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A server entry point running in a child process of its own, listening on loopback. */
export interface TierProcess {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** What it wrote to stderr so far (empty when stderr is inherited). */
  stderr(): string;
  /** SIGTERM, then waits for it to exit (nothing when it has already exited). */
  stop(): Promise<void>;
}

export interface TierProcessOptions {
  /** The entry point, relative to the repository root (e.g. metadata-service/standalone/main.ts) or absolute. */
  main: string;
  /** Added to this process's environment (a function when a value names its own address); PORT is the port chosen. */
  env: Record<string, string> | ((base: string) => Record<string, string>);
  /** 'capture' keeps stderr for assertion messages (stderr()); 'inherit' (default) shows it in the test output. */
  stderr?: 'capture' | 'inherit';
  /** Ready when this gives a value; by default, when GET /healthz answers 200. */
  ready?: (base: string) => Promise<unknown>;
  readyTimeoutMs?: number;
}

/** /healthz answered 200, asked on a raw socket of its own (fetch could reach a process-wide nock interceptor). */
async function healthy(base: string): Promise<true | undefined> {
  return (await rawGet(`${base}/healthz`)).status === 200 ? true : undefined;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/**
 * Starts `node --import tsx <main>` (what the npm start scripts run) from the repository root on a free port and
 * waits until it is ready. A child that exits before it is ready fails at once, with its stderr when captured, instead
 * of after the whole readiness timeout.
 */
export async function startTierProcess(options: TierProcessOptions): Promise<TierProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const main = isAbsolute(options.main) ? options.main : join(REPO_ROOT, options.main);
  const capture = options.stderr === 'capture';
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', capture ? 'pipe' : 'inherit'],
    env: {
      ...process.env,
      ...(typeof options.env === 'function' ? options.env(base) : options.env),
      PORT: String(port),
    },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  const exitedEarly = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(
        new Error(`${options.main} exited (${signal ?? `code ${code}`}) before it was ready: ${stderr}`),
      ),
    ),
  );
  // Handled here so a child that exits after readiness (stop, a test killing it) is no unhandled rejection.
  exitedEarly.catch(() => undefined);
  const ready = options.ready ?? healthy;
  try {
    await Promise.race([
      until(
        `${options.main} to be ready`,
        async () => ((await ready(base)) === undefined ? undefined : true),
        {
          timeoutMs: options.readyTimeoutMs,
        },
      ),
      exitedEarly,
    ]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { child, port, base, stderr: () => stderr, stop: () => stopChild(child) };
}
