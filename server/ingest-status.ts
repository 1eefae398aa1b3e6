/** What /healthz says about the startup ingest, so an operator can watch a big library being indexed. */
export interface IngestSnapshot {
  state: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
}

export class IngestStatus {
  private current: IngestSnapshot = { state: 'idle', done: 0, total: 0 };

  async track<T>(work: Promise<T>): Promise<T> {
    this.current = { ...this.current, state: 'running' };
    try {
      const result = await work;
      this.current = { ...this.current, state: 'done' };
      return result;
    } catch (error) {
      this.current = { ...this.current, state: 'failed' };
      throw error;
    }
  }

  progress(p: { done: number; total: number }): void {
    this.current = { ...this.current, done: p.done, total: p.total };
  }

  snapshot(): IngestSnapshot {
    return { ...this.current };
  }
}
