import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readLocalSecrets } from '../../server/local-secrets';

const REPO_ROOT = resolve(__dirname, '..', '..');
/** Variables of the caller's shell that would make the stack under test something other than the default one. */
const FOREIGN_ENV = ['DATABASE_URL', 'PHOTO_OWNER_ID', 'SERVICE_TOKENS', 'HOST', 'PUBLIC_BASE_URL', 'PORT'];
const INGEST_TIMEOUT_MS = 15 * 60_000;

export interface StackProcess {
  /** Where clients reach the API, e.g. http://127.0.0.1:41235. */
  baseUrl: string;
  pid: number;
  ownerToken: string;
  /** How the process ended if it ended before stop() (a crash under load), else undefined. */
  exited(): { code: number | null; signal: string | null; atMs: number } | undefined;
  /** Warnings and errors the server logged (JSON lines on stderr), counted by level and message. */
  logged(): Map<string, number>;
  stop(): Promise<void>;
}

export interface StackProcessOptions {
  dataDir: string;
  photosDir: string;
  /** postgres://… for PostgreSQL; undefined for the embedded SQLite default. */
  databaseUrl: string | undefined;
  /** Where the server's stderr (its JSON log) is written; kept after the run. */
  serverLog: string;
  log: (line: string) => void;
}

/**
 * `npm start` as a child process (node --import tsx server/main.ts, MALLOC_ARENA_MAX=1 like the npm script) on a
 * free port, with vision off so the load is the serving path alone. Resolves once the banner is printed and the
 * startup ingest of PHOTOS_DIR is done.
 */
export async function startStackProcess(options: StackProcessOptions): Promise<StackProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of FOREIGN_ENV) delete env[name];
  Object.assign(env, {
    MALLOC_ARENA_MAX: '1',
    PORT: '0',
    DATA_DIR: options.dataDir,
    PHOTOS_DIR: options.photosDir,
    VISION: 'false',
    LOG_LEVEL: 'warn',
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
  });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join('server', 'main.ts')], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? 0;
  const started = performance.now();
  let exit: { code: number | null; signal: string | null; atMs: number } | undefined;
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) exit = { code, signal, atMs: performance.now() - started };
  });

  const logFile = createWriteStream(options.serverLog);
  const logged = new Map<string, number>();
  createInterface({ input: child.stderr! }).on('line', (line) => {
    logFile.write(`${line}\n`);
    const key = logKey(line);
    logged.set(key, (logged.get(key) ?? 0) + 1);
  });

  const stop = () =>
    new Promise<void>((resolveStop) => {
      stopping = true;
      const done = () => logFile.end(() => resolveStop());
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(force);
        done();
      });
      child.kill('SIGTERM');
    });

  let baseUrl: string;
  let ownerToken: string | undefined;
  try {
    baseUrl = await new Promise<string>((resolveUrl, reject) => {
      let seen = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const port = /listening on http:\/\/[^:\s]+:(\d+)/.exec(seen)?.[1];
        if (port) resolveUrl(`http://127.0.0.1:${port}`);
      });
      child.once('exit', (code) =>
        reject(new Error(`the stack exited with ${code} before listening; see ${options.serverLog}`)),
      );
    });
    await waitForIngest(baseUrl, () => exit, options.log);
    ownerToken = readLocalSecrets(options.dataDir)?.ownerToken;
    if (ownerToken === undefined) throw new Error(`no ownerToken in ${options.dataDir}/local-secrets.json`);
  } catch (error) {
    // Never leave a server behind: the caller has no handle on it yet.
    await stop();
    throw error;
  }

  return {
    baseUrl,
    pid,
    ownerToken,
    exited: () => exit,
    logged: () => logged,
    stop,
  };
}

/**
 * Polls /healthz until the startup ingest is done, printing its progress now and then. A failed ingest that the
 * stack will try again (`retry` in /healthz) is waited for, as an operator would, and said so; one it will not
 * retry ends the run.
 */
async function waitForIngest(
  baseUrl: string,
  exited: () => unknown,
  log: (line: string) => void,
): Promise<void> {
  const deadline = performance.now() + INGEST_TIMEOUT_MS;
  let lastPrinted = 0;
  let failuresSeen = 0;
  while (performance.now() < deadline) {
    if (exited() !== undefined) throw new Error('the stack exited during its startup ingest');
    // A busy machine may drop a poll now and then: only the process ending is fatal.
    const health = (await fetch(`${baseUrl}/healthz`)
      .then((response) => response.json())
      .catch(() => ({}))) as {
      ingest?: {
        state?: string;
        done?: number;
        total?: number;
        reason?: string;
        retry?: { at?: string; attempt?: number };
      };
    };
    const ingest = health.ingest ?? {};
    if (ingest.state === 'done') {
      log(`   ingest done: ${ingest.done}/${ingest.total} files`);
      return;
    }
    if (ingest.state === 'failed') {
      if (ingest.retry === undefined) throw new Error(`the stack's ingest failed: ${ingest.reason}`);
      if ((ingest.retry.attempt ?? 0) > failuresSeen) {
        failuresSeen = ingest.retry.attempt ?? failuresSeen + 1;
        log(
          `   INGEST FAILED (attempt ${failuresSeen}): ${ingest.reason}; the stack retries at ${ingest.retry.at}`,
        );
      }
    } else if (performance.now() - lastPrinted > 5000) {
      lastPrinted = performance.now();
      log(`   ingesting ${ingest.done ?? 0}/${ingest.total ?? '?'} ...`);
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error('the stack did not finish its ingest in 15 minutes');
}

/**
 * "warn: <message> (<cause>)" for a JSON log line (the logger's `message`/`msg` and `error`/`err` fields, whichever
 * it writes), the line itself (shortened) when it is not one.
 */
function logKey(line: string): string {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const level = entry.level;
    const message = entry.message ?? entry.msg;
    const error = (entry.error ?? entry.err) as { message?: unknown; code?: unknown } | undefined;
    const code = typeof entry.code === 'string' ? entry.code : undefined;
    const said = typeof error?.message === 'string' ? error.message : '';
    const codes = [...new Set([code, error?.code])].filter(
      (part): part is string => typeof part === 'string' && !said.includes(part),
    );
    const cause = [...codes, said].filter(Boolean).join(' ').slice(0, 160);
    if (typeof level === 'string' && typeof message === 'string') {
      return `${level}: ${message}${cause === '' ? '' : ` (${cause})`}`;
    }
  } catch {
    // Not a JSON log line (a warning node printed itself, a crash's stack trace): keep it as it is.
  }
  return `stderr: ${line.slice(0, 160)}`;
}
