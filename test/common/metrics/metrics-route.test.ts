import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Counter, Registry } from 'prom-client';
import { errorMiddleware } from '../../../common/http/error-middleware';
import { createLogger } from '../../../common/logger';
import { metricsRoute } from '../../../common/metrics/metrics-route';
import { localMetrics, type MetricsSource } from '../../../common/metrics/metrics-source';
import { processMetrics } from '../../../common/metrics/process-metrics';
import { prometheusSamples, rawGet } from '../../support/raw-http';

async function serving(source: MetricsSource): Promise<{ url: string; server: Server }> {
  const app = express();
  app.get('/metrics', metricsRoute(source));
  app.use(errorMiddleware(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, server };
}

function counterIn(registry: Registry, name: string, value: number): void {
  new Counter({ name, help: `${name} for a test`, registers: [registry] }).inc(value);
}

describe('metricsRoute and localMetrics', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  it('answers the registries of this process together with the process metrics, in the text format', async () => {
    const tier = new Registry();
    counterIn(tier, 'test_route_answers_total', 7);
    const { url, server } = await serving(localMetrics([processMetrics(), tier]));
    servers.push(server);
    const answer = await rawGet(url);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    const values = prometheusSamples(answer.body.toString());
    assert.equal(values.get('test_route_answers_total'), 7);
    assert.ok((values.get('process_resident_memory_bytes') ?? 0) > 0);
    // The process registry is one per process: asking twice does not register the collectors twice.
    assert.equal(processMetrics(), processMetrics());
  });

  it('fails the scrape with 503 METRICS_UNAVAILABLE when the metrics cannot be gathered', async () => {
    const unreachable: MetricsSource = {
      contentType: Registry.PROMETHEUS_CONTENT_TYPE,
      text: () => Promise.reject(new Error('the primary process did not answer')),
    };
    const clash = [new Registry(), new Registry()];
    for (const registry of clash) counterIn(registry, 'test_route_same_name_total', 1);
    for (const source of [unreachable, localMetrics(clash)]) {
      const { url, server } = await serving(source);
      servers.push(server);
      const answer = await rawGet(url);
      assert.equal(answer.status, 503);
      assert.deepEqual(JSON.parse(answer.body.toString()), {
        error: {
          code: 'METRICS_UNAVAILABLE',
          message: 'Metrics could not be gathered right now; try again shortly',
        },
      });
    }
  });
});
