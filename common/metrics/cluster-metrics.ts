import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Logger } from '../logger';
import { localMetrics, type MetricsSource } from './metrics-source';

/**
 * One scrape of any worker answers for all of them. The HTTP server lives in the workers (they share the port), and
 * prom-client's AggregatorRegistry can only gather from the primary: so the worker a scrape reaches asks the primary
 * over the cluster's IPC channel, the primary gathers every worker's registries with `clusterMetrics()` (which sums
 * counters and histograms) and sends the text back. Without cluster workers a process reads its own registries.
 */

const REQUEST = 'photo-frame:metrics-request';
const RESPONSE = 'photo-frame:metrics-response';

/** A scrape waits this long for a starting worker to listen, then asks every worker regardless. */
const WORKER_START_WAIT_MS = 5_000;
/** clusterMetrics() gives up after 5 s; the worker waits for the wait above, that, and a margin. */
const PRIMARY_ANSWER_TIMEOUT_MS = 12_000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}

interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

const isRequest = (message: unknown): message is MetricsRequest =>
  (message as Partial<MetricsRequest> | null)?.type === REQUEST;
const isResponse = (message: unknown): message is MetricsResponse =>
  (message as Partial<MetricsResponse> | null)?.type === RESPONSE;

/**
 * In the primary, before forking: answers workers' metrics requests with the sum over all workers. A worker that
 * is still starting has not yet installed prom-client's listener, and clusterMetrics() would time out waiting for
 * it, so a scrape first waits (briefly) until every connected worker listens.
 */
export function aggregateWorkerMetrics(logger: Logger): void {
  const aggregator = new AggregatorRegistry();
  const listening = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker) => listening.delete(worker.id));
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isRequest(message)) return;
    const reply = (answer: Omit<MetricsResponse, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: RESPONSE, id: message.id, ...answer });
    };
    untilWorkersListen(listening)
      .then(() => aggregator.clusterMetrics())
      .then(
        (text) => reply({ text }),
        (error: unknown) => {
          logger.warn('could not gather metrics from the workers', { error });
          reply({ error: error instanceof Error ? error.message : String(error) });
        },
      );
  });
}

async function untilWorkersListen(listening: ReadonlySet<number>): Promise<void> {
  const deadline = Date.now() + WORKER_START_WAIT_MS;
  const allListen = () =>
    Object.values(cluster.workers ?? {}).every(
      (worker) => worker === undefined || !worker.isConnected() || listening.has(worker.id),
    );
  while (!allListen() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

let nextRequestId = 0;
const pending = new Map<number, (response: MetricsResponse) => void>();
let answersHeard = false;

/**
 * Where `/metrics` reads from: in a cluster worker, the sum over all workers (asked of the primary, which must
 * call aggregateWorkerMetrics); otherwise this process's own `registries`. In a worker, `registries` are what this
 * worker contributes when the primary gathers (prom-client keeps one such list per process: a worker serves one tier).
 */
export function servedMetrics(registries: readonly Registry[]): MetricsSource {
  if (!cluster.isWorker) return localMetrics(registries);
  AggregatorRegistry.setRegistries([...registries]);
  // Constructing one installs prom-client's listener that answers the primary's gathering requests.
  new AggregatorRegistry();
  if (!answersHeard) {
    answersHeard = true;
    process.on('message', settleRequest);
  }
  return { contentType: AggregatorRegistry.PROMETHEUS_CONTENT_TYPE, text: askPrimary };
}

function settleRequest(message: unknown): void {
  if (isResponse(message)) pending.get(message.id)?.(message);
}

function askPrimary(): Promise<string> {
  const id = nextRequestId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('the primary process did not answer with the workers’ metrics'));
    }, PRIMARY_ANSWER_TIMEOUT_MS);
    pending.set(id, (response) => {
      clearTimeout(timer);
      pending.delete(id);
      if (response.text !== undefined) resolve(response.text);
      else reject(new Error(response.error ?? 'the primary process could not gather metrics'));
    });
    process.send?.({ type: REQUEST, id } satisfies MetricsRequest);
  });
}
