import { Counter, Histogram, Registry } from 'prom-client';

/** Upper bounds (seconds) of the render-latency histogram: a cached hit never renders; a 12 MP JPEG takes ~0.15 s. */
const RENDER_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Upper bounds (seconds) of one pipeline stage: reading a header takes well under a millisecond, a decode ~30 ms. */
const STAGE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

export type CacheTier = 'memory' | 'disk' | 'render';
const CACHE_TIERS: readonly CacheTier[] = ['memory', 'disk', 'render'];
const OUTCOMES = ['image', 'not_modified'] as const;

/**
 * What an operator watches on a rendition server: where renditions come from (memory, disk, fresh render), how
 * long renders take, and what was served. A registry of its own per display, so two displays in one process (tests)
 * never share counters; `/metrics` serves it next to the process metrics, summed over cluster workers.
 */
export class DisplayMetrics {
  readonly registry = new Registry();
  private readonly served = new Counter({
    name: 'photoframe_renditions_served_total',
    help: 'Rendition requests answered, by outcome.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly bytes = new Counter({
    name: 'photoframe_rendition_bytes_served_total',
    help: 'Bytes of rendition images answered.',
    registers: [this.registry],
  });
  private readonly sources = new Counter({
    name: 'photoframe_rendition_source_total',
    help: 'Where each rendition came from: memory, disk or a fresh render.',
    labelNames: ['tier'] as const,
    registers: [this.registry],
  });
  private readonly renderFailures = new Counter({
    name: 'photoframe_render_failures_total',
    help: 'Renders that failed (hostile or missing originals, timeouts).',
    registers: [this.registry],
  });
  private readonly renderSeconds = new Histogram({
    name: 'photoframe_render_seconds',
    help: 'Time to render one rendition from its original.',
    buckets: RENDER_BUCKETS,
    registers: [this.registry],
  });

  private readonly stageSeconds = new Histogram({
    name: 'photoframe_render_stage_seconds',
    help: 'Time spent in each stage of a render (load-source, probe-source, decode-heic, one-pass, decode, compose, encode; in one pass, encode also decodes).',
    labelNames: ['stage'] as const,
    buckets: STAGE_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    // Every series from the start, at zero: a rate over a series that appears later misses its first increments.
    for (const outcome of OUTCOMES) this.served.inc({ outcome }, 0);
    for (const tier of CACHE_TIERS) this.sources.inc({ tier }, 0);
  }

  cacheHit(tier: CacheTier): void {
    this.sources.inc({ tier });
  }

  rendered(seconds: number): void {
    this.renderSeconds.observe(seconds);
  }

  renderStage(stage: string, seconds: number): void {
    this.stageSeconds.observe({ stage }, seconds);
  }

  renderFailed(): void {
    this.renderFailures.inc();
  }

  answered(kind: 'image' | 'not-modified', bytes: number): void {
    this.served.inc({ outcome: kind === 'image' ? 'image' : 'not_modified' });
    this.bytes.inc(bytes);
  }
}
