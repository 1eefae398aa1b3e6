import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = join(__dirname, '..', '..');
const WORKER_CLI = join(REPO_ROOT, 'metadata-service', 'cli', 'worker.ts');

/** One `vision job` log line of a worker (pino JSON: the fields of visionJobHandler's log call). */
export interface VisionJobLine {
  outcome: string;
  photoId: string;
  jobId: string;
  attempt: number;
}

/** `npm run worker` in a child process, its vision job lines collected as they are logged. */
export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  visionJobs: VisionJobLine[];
  /** Resolves at the next vision job line that says `analysed`. */
  nextAnalysed(): Promise<VisionJobLine>;
  log(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startWorker(name: string, env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_CLI], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
  });
  const visionJobs: VisionJobLine[] = [];
  const waiting: ((line: VisionJobLine) => void)[] = [];
  let text = '';
  const lines = createInterface({ input: child.stderr });
  lines.on('line', (line) => {
    text += `${line}\n`;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    if (entry.msg !== 'vision job') return;
    const job: VisionJobLine = {
      outcome: String(entry.outcome),
      photoId: String(entry.photoId),
      jobId: String(entry.jobId),
      attempt: Number(entry.attempt),
    };
    visionJobs.push(job);
    if (job.outcome === 'analysed') waiting.splice(0).forEach((resolve) => resolve(job));
  });
  return {
    name,
    child,
    visionJobs,
    nextAnalysed: () => new Promise((resolve) => waiting.push(resolve)),
    log: () => text,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

/** `npm run worker -- <args>` to completion (enqueue, status); its stdout. */
export async function runWorkerCommand(
  args: readonly string[],
  env: Record<string, string>,
): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_CLI, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`npm run worker -- ${args.join(' ')} exited ${code}: ${err}`);
  return out;
}
