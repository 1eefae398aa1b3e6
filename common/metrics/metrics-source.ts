import { Registry } from 'prom-client';

/** What a `/metrics` route answers with: Prometheus' text format and its content type. */
export interface MetricsSource {
  readonly contentType: string;
  text(): Promise<string>;
}

/** The registries of this process, read together (their metric names must not overlap). */
export function localMetrics(registries: readonly Registry[]): MetricsSource {
  return {
    contentType: Registry.PROMETHEUS_CONTENT_TYPE,
    // async: a clash of names (merge throws) becomes a failed scrape, not an exception in the route.
    text: async () => Registry.merge([...registries]).metrics(),
  };
}
