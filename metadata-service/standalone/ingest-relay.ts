import cluster, { type Worker } from 'node:cluster';
import type { IngestSnapshot } from '../../server/ingest-status';

/**
 * The startup ingest runs in the primary process (one writer) while the workers answer /healthz: the primary
 * sends them its progress over the cluster's IPC channel. A worker asks for the current state when it starts
 * (a message sent before its listener existed would be lost), and the primary sends every change after that.
 */
const REQUEST = 'photo-frame:library-ingest-request';
const SNAPSHOT = 'photo-frame:library-ingest';
/** Progress is sent at most this often; a change of state is sent at once. */
const SEND_INTERVAL_MS = 1_000;

interface SnapshotMessage {
  type: typeof SNAPSHOT;
  snapshot: IngestSnapshot;
}

let latest: IngestSnapshot | undefined;

/** What this process knows of the startup ingest; undefined when there is none (no PHOTOS_DIR). */
export function startupIngest(): IngestSnapshot | undefined {
  return latest === undefined ? undefined : { ...latest };
}

/** In the primary: answers workers' requests and returns the function to call whenever the state changes. */
export function publishIngestState(read: () => IngestSnapshot): () => void {
  const sendTo = (worker: Worker) => {
    if (worker.isConnected()) worker.send({ type: SNAPSHOT, snapshot: read() } satisfies SnapshotMessage);
  };
  cluster.on('message', (worker: Worker, message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === REQUEST) sendTo(worker);
  });
  let sentAt = 0;
  let sentState: IngestSnapshot['state'] | undefined;
  return () => {
    const snapshot = read();
    latest = snapshot;
    const now = Date.now();
    if (snapshot.state === sentState && now - sentAt < SEND_INTERVAL_MS) return;
    sentAt = now;
    sentState = snapshot.state;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker) sendTo(worker);
  };
}

/** In a worker: keeps the primary's latest state for /healthz. */
export function followIngestState(): void {
  if (cluster.isPrimary || process.send === undefined) return;
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === SNAPSHOT)
      latest = (message as SnapshotMessage).snapshot;
  });
  process.send({ type: REQUEST });
}
