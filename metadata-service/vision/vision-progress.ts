/**
 * What /healthz says about vision, apart from the ingest: whether labels and people are still being worked out.
 * 'off': no vision provider; 'idle': none has run yet; 'running'; 'done' (the last passes finished); 'failed'
 * (the last pass failed as a whole: `reason`). done/total count the photos of the passes since vision was last
 * idle; `photosPerSecond` is their rate over the time they have run (null until a photo is done).
 */
export interface VisionProgressSnapshot {
  state: 'off' | 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  photosPerSecond: number | null;
  /** Only while 'failed'. */
  reason?: string;
}

/** One vision pass as the tracker sees it. */
export interface VisionPassTracker {
  progress(done: number, total: number): void;
  /** The pass is over: finished (no error) or failed as a whole. */
  end(error?: unknown): void;
}

interface Pass {
  done: number;
  total: number;
  running: boolean;
}

/**
 * Counts the vision passes of one library (the ingest's background pass, watched-folder passes). Passes that
 * overlap add up; the first pass after everything finished starts the counts afresh.
 */
export class VisionProgress {
  private passes: Pass[] = [];
  private startedAt = 0;
  private endedAt: number | undefined;
  private failure: string | undefined;

  constructor(
    private readonly enabled: boolean,
    private readonly now: () => number = () => Date.now(),
  ) {}

  beginPass(): VisionPassTracker {
    if (!this.passes.some((p) => p.running)) {
      this.passes = [];
      this.startedAt = this.now();
      this.failure = undefined;
    }
    this.endedAt = undefined;
    const pass: Pass = { done: 0, total: 0, running: true };
    this.passes.push(pass);
    return {
      progress: (done, total) => {
        pass.done = done;
        pass.total = total;
      },
      end: (error) => {
        pass.running = false;
        if (error !== undefined)
          this.failure = error instanceof Error ? error.message : JSON.stringify(error);
        if (!this.passes.some((p) => p.running)) this.endedAt = this.now();
      },
    };
  }

  snapshot(): VisionProgressSnapshot {
    if (!this.enabled) return { state: 'off', done: 0, total: 0, photosPerSecond: null };
    if (this.passes.length === 0) return { state: 'idle', done: 0, total: 0, photosPerSecond: null };
    const done = this.passes.reduce((sum, p) => sum + p.done, 0);
    const total = this.passes.reduce((sum, p) => sum + p.total, 0);
    const seconds = ((this.endedAt ?? this.now()) - this.startedAt) / 1000;
    const photosPerSecond = done > 0 && seconds > 0 ? Math.round((done / seconds) * 100) / 100 : null;
    const running = this.passes.some((p) => p.running);
    if (running) return { state: 'running', done, total, photosPerSecond };
    if (this.failure !== undefined) {
      return { state: 'failed', done, total, photosPerSecond, reason: this.failure.slice(0, 300) };
    }
    return { state: 'done', done, total, photosPerSecond };
  }
}
