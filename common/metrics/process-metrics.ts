import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * prom-client's default metrics for this process (CPU, memory, event-loop lag, GC, handles, Node version). One
 * registry per process however many tiers it hosts: the collectors belong to the process, and registering them
 * twice would watch the GC twice.
 */
export function processMetrics(): Registry {
  if (registry === undefined) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
