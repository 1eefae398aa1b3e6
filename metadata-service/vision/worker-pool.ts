import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../../common/logger';
import type { OriginalInput } from './vision-pixels';
import { VisionSkip } from './vision-types';
import type { AnalyseRequest, WorkerDetections, WorkerMessage } from './worker-protocol';

export interface WorkerPoolOptions {
  /** Worker processes (one per core is what 2-core measurements favour: ~1.9x one worker). */
  size: number;
  logger: Logger;
  /** A photo taking longer than this is treated like a crash (the worker is killed and replaced). */
  jobTimeoutMs?: number;
  /** Called when a job is handed to a worker process (the bench reads its memory, tests kill it). */
  onDispatch?: (event: { jobId: number; pid: number; attempt: number }) => void;
  /** The worker entry; the TypeScript source runs through tsx. */
  workerScript?: string;
}

/** A photo whose worker died twice (or timed out twice): recorded as a vision skip, the run goes on. */
export class WorkerCrashed extends Error {
  override readonly name = 'WorkerCrashed';
}

/** Workers that die before they ever answer (models missing, out of memory): vision cannot run at all. */
export class WorkerPoolBroken extends Error {
  override readonly name = 'WorkerPoolBroken';
}

interface Job {
  jobId: number;
  input: OriginalInput;
  mediaType: string;
  attempts: number;
  resolve(detections: WorkerDetections): void;
  reject(error: Error): void;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  stderrTail: string;
}

/** Each photo gets this many tries: a crash may be the worker's (memory), not the photo's. */
const MAX_ATTEMPTS = 2;
/** Workers that exit before their first answer this many times in a row mean the pool cannot work. */
const MAX_FAILED_STARTS = 3;
const DEFAULT_JOB_TIMEOUT_MS = 120_000;

/**
 * Vision worker processes (child_process.fork). Jobs wait in a FIFO and go to the next idle worker; a worker that
 * crashes or hangs is replaced, and its photo is tried once more before it fails with WorkerCrashed.
 */
export class VisionWorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextJobId = 1;
  private failedStarts = 0;
  private broken: Error | undefined;
  private closing = false;

  constructor(private readonly options: WorkerPoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.spawn();
  }

  analyse(input: OriginalInput, mediaType: string): Promise<WorkerDetections> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closing) return Promise.reject(new Error('vision worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ jobId: this.nextJobId++, input, mediaType, attempts: 0, resolve, reject });
      this.dispatch();
    });
  }

  /** Process ids of the live workers. */
  pids(): number[] {
    return [...this.slots].flatMap((slot) => (slot.child.pid === undefined ? [] : [slot.child.pid]));
  }

  async close(): Promise<void> {
    this.closing = true;
    const closed = new Error('vision worker pool closed');
    for (const job of this.queue.splice(0)) job.reject(closed);
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.job?.reject(closed);
      slot.job = undefined;
    }
    await Promise.all(
      [...this.slots].map(async (slot) => {
        if (slot.child.exitCode !== null || slot.child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => slot.child.once('exit', () => resolve()));
        if (slot.child.connected) slot.child.disconnect();
        const kill = setTimeout(() => slot.child.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(kill);
      }),
    );
  }

  private spawn(): void {
    const script = this.options.workerScript ?? join(__dirname, `vision-worker${extensionOf(__filename)}`);
    const child = fork(script, [], {
      // The TypeScript worker runs through tsx's loader, found from here rather than from the cwd.
      execArgv: [
        '--expose-gc', // vision-worker.ts collects after each photo (why: its comment)
        ...(script.endsWith('.ts') ? ['--import', pathToFileURL(require.resolve('tsx')).href] : []),
      ],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // libvips decodes on several threads, and glibc gives each its own malloc arena that keeps freed memory:
      // two arenas cut a worker's peak RSS by about 40 MB over the evaluation set (a caller's own value wins).
      env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
    });
    const slot: Slot = { child, ready: false, stderrTail: '' };
    this.slots.add(slot);
    child.stderr?.on('data', (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString()).slice(-2000);
    });
    child.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    child.on('error', (error) => this.options.logger.warn('vision worker error', { error }));
    child.once('exit', (code, signal) => this.onExit(slot, code, signal));
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.failedStarts = 0;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.jobId !== message.jobId) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (message.type === 'result') {
      job.resolve({ objects: message.objects, faces: message.faces, droppedFaces: message.droppedFaces });
    } else {
      // The worker is fine and answered: this photo cannot be analysed (undecodable, or the model threw on it).
      job.reject(new VisionSkip(message.reason));
    }
    this.dispatch();
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    if (this.closing) return;
    const job = slot.job;
    this.options.logger.warn('vision worker exited', {
      pid: slot.child.pid,
      code,
      signal,
      photoInFlight: job !== undefined,
      stderr: slot.stderrTail.trim().slice(-500) || undefined,
    });
    if (!slot.ready && (this.failedStarts += 1) >= MAX_FAILED_STARTS) {
      this.broken = new WorkerPoolBroken(
        `vision workers exit before loading their models (last: ${slot.stderrTail.trim().slice(-300) || `code ${code}`})`,
      );
      for (const queued of [...(job ? [job] : []), ...this.queue.splice(0)]) queued.reject(this.broken);
      return;
    }
    if (job) {
      if (job.attempts >= MAX_ATTEMPTS) {
        job.reject(new WorkerCrashed(`vision worker crashed ${job.attempts} times on this photo`));
      } else {
        this.queue.unshift(job);
      }
    }
    this.spawn();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift() as Job;
      job.attempts += 1;
      slot.job = job;
      const request: AnalyseRequest = {
        type: 'analyse',
        jobId: job.jobId,
        input: job.input,
        mediaType: job.mediaType,
      };
      slot.timer = setTimeout(
        () => slot.child.kill('SIGKILL'),
        this.options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS,
      );
      try {
        slot.child.send(request);
      } catch {
        // The worker died in between: its exit handler puts the job back in the queue.
      }
      if (slot.child.pid !== undefined) {
        this.options.onDispatch?.({ jobId: job.jobId, pid: slot.child.pid, attempt: job.attempts });
      }
    }
  }
}

function extensionOf(file: string): string {
  return file.endsWith('.ts') ? '.ts' : '.js';
}
