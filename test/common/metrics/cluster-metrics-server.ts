/**
 * A small server in worker processes for cluster-metrics.test.ts (not a test itself): GET /hit counts one hit and
 * answers the worker's pid, GET /metrics answers through common/metrics as start:display does. PORT and WORKERS
 * from the environment.
 */
import { once } from 'node:events';
import express from 'express';
import { Counter, Registry } from 'prom-client';
import { createLogger } from '../../../common/logger';
import { servedMetrics } from '../../../common/metrics/cluster-metrics';
import { metricsRoute } from '../../../common/metrics/metrics-route';
import { processMetrics } from '../../../common/metrics/process-metrics';
import { serveInWorkerProcesses } from '../../../common/worker-processes';

const registry = new Registry();
const hits = new Counter({ name: 'fixture_hits_total', help: 'Requests to /hit.', registers: [registry] });

void serveInWorkerProcesses(
  Number(process.env.WORKERS),
  async () => {
    const app = express();
    app.get('/hit', (_req, res) => {
      hits.inc();
      res.json({ pid: process.pid });
    });
    app.get('/metrics', metricsRoute(servedMetrics([processMetrics(), registry])));
    const server = app.listen(Number(process.env.PORT), '127.0.0.1');
    await once(server, 'listening');
    return () => new Promise<void>((resolve) => server.close(() => resolve()));
  },
  createLogger('silent'),
  { tier: 'fixture' },
);
