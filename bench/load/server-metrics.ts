/** What the server's own /metrics (Prometheus text) says about where renditions came from and what renders cost. */
export interface RenditionSources {
  /** Renditions answered by cache tier (memory, disk, render). */
  byTier: Map<string, number>;
  renders: number;
  meanRenderSeconds: number;
  renderFailures: number;
}

/** Read once at the end of a run (the counters start at zero with the process); undefined if /metrics fails. */
export async function renditionSources(baseUrl: string): Promise<RenditionSources | undefined> {
  const response = await fetch(`${baseUrl}/metrics`).catch(() => undefined);
  if (response?.status !== 200) return undefined;
  const text = await response.text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  const byTier = new Map<string, number>();
  for (const [, tier, count] of text.matchAll(
    /^photoframe_rendition_source_total\{tier="([^"]+)"\} ([0-9.e+-]+)$/gm,
  )) {
    byTier.set(tier ?? '?', (byTier.get(tier ?? '?') ?? 0) + Number(count));
  }
  const renders = value('photoframe_render_seconds_count');
  return {
    byTier,
    renders,
    meanRenderSeconds: value('photoframe_render_seconds_sum') / renders,
    renderFailures: value('photoframe_render_failures_total'),
  };
}
