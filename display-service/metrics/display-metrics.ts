/** Upper bounds (seconds) of the render-latency histogram: a cached hit never renders; a 12 MP JPEG takes ~0.15 s. */
const RENDER_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export type CacheTier = 'memory' | 'disk' | 'render';

/**
 * What an operator watches on a rendition server, in Prometheus' text format: where renditions come from (memory,
 * disk, fresh render), how long renders take, and what was served. Plain counters in this process: a scraper
 * aggregates instances.
 */
export class DisplayMetrics {
  private readonly served = { image: 0, notModified: 0 };
  private bytes = 0;
  private readonly tiers: Record<CacheTier, number> = { memory: 0, disk: 0, render: 0 };
  private readonly renderBuckets = RENDER_BUCKETS.map(() => 0);
  private renderCount = 0;
  private renderSum = 0;
  private renderFailures = 0;

  cacheHit(tier: CacheTier): void {
    this.tiers[tier] += 1;
  }

  rendered(seconds: number): void {
    this.renderCount += 1;
    this.renderSum += seconds;
    RENDER_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.renderBuckets[i] = (this.renderBuckets[i] ?? 0) + 1;
    });
  }

  renderFailed(): void {
    this.renderFailures += 1;
  }

  answered(kind: 'image' | 'not-modified', bytes: number): void {
    if (kind === 'image') this.served.image += 1;
    else this.served.notModified += 1;
    this.bytes += bytes;
  }

  /** Prometheus text exposition format 0.0.4. */
  toPrometheus(): string {
    const lines = [
      '# HELP photoframe_renditions_served_total Rendition requests answered, by outcome.',
      '# TYPE photoframe_renditions_served_total counter',
      `photoframe_renditions_served_total{outcome="image"} ${this.served.image}`,
      `photoframe_renditions_served_total{outcome="not_modified"} ${this.served.notModified}`,
      '# HELP photoframe_rendition_bytes_served_total Bytes of rendition images answered.',
      '# TYPE photoframe_rendition_bytes_served_total counter',
      `photoframe_rendition_bytes_served_total ${this.bytes}`,
      '# HELP photoframe_rendition_source_total Where each rendition came from: memory, disk or a fresh render.',
      '# TYPE photoframe_rendition_source_total counter',
      ...(Object.keys(this.tiers) as CacheTier[]).map(
        (tier) => `photoframe_rendition_source_total{tier="${tier}"} ${this.tiers[tier]}`,
      ),
      '# HELP photoframe_render_failures_total Renders that failed (hostile or missing originals, timeouts).',
      '# TYPE photoframe_render_failures_total counter',
      `photoframe_render_failures_total ${this.renderFailures}`,
      '# HELP photoframe_render_seconds Time to render one rendition from its original.',
      '# TYPE photoframe_render_seconds histogram',
      ...RENDER_BUCKETS.map(
        (bound, i) => `photoframe_render_seconds_bucket{le="${bound}"} ${this.renderBuckets[i] ?? 0}`,
      ),
      `photoframe_render_seconds_bucket{le="+Inf"} ${this.renderCount}`,
      `photoframe_render_seconds_sum ${this.renderSum}`,
      `photoframe_render_seconds_count ${this.renderCount}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
