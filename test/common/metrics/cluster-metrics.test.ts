import assert from 'node:assert/strict';
import { join } from 'node:path';
import { prometheusSamples, rawGet } from '../../support/raw-http';
import { startTierProcess, type TierProcess } from '../../support/tier-process';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('cluster metrics: one scrape answers for every worker process', function () {
  this.timeout(90_000);
  let server: TierProcess | undefined;
  let base: string;
  /** Hits each worker answered, by pid (the answer names it). */
  const hitsByPid = new Map<number, number>();

  const hit = async () => {
    const answer = await rawGet(`${base}/hit`);
    assert.equal(answer.status, 200);
    const { pid } = JSON.parse(answer.body.toString()) as { pid: number };
    hitsByPid.set(pid, (hitsByPid.get(pid) ?? 0) + 1);
  };
  const scrapedHits = async () => {
    const scrape = await rawGet(`${base}/metrics`);
    assert.equal(scrape.status, 200, scrape.body.toString());
    assert.match(scrape.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return prometheusSamples(scrape.body.toString()).get('fixture_hits_total');
  };

  before(async () => {
    server = await startTierProcess({
      main: join(__dirname, 'cluster-metrics-server.ts'),
      env: { WORKERS: '2' },
      // Ready when two workers have answered (connections of their own reach each in turn).
      ready: async (url) => {
        base = url;
        await hit();
        return hitsByPid.size === 2 ? true : undefined;
      },
    });
  });

  after(() => server?.stop());

  it('sums both workers’ counters in every scrape, whichever worker answers it', async () => {
    for (let i = 0; i < 11; i++) await hit();
    const counts = [...hitsByPid.values()];
    assert.equal(counts.length, 2);
    assert.ok(
      counts.every((count) => count >= 3),
      `both workers served: ${counts.join(', ')}`,
    );
    const total = counts.reduce((sum, count) => sum + count, 0);
    for (let i = 0; i < 6; i++) assert.equal(await scrapedHits(), total);
  });

  it('still answers while a dead worker is being replaced: the survivor’s count, then the newcomer’s too', async () => {
    const [victim, survivor] = [...hitsByPid.keys()];
    assert.ok(victim !== undefined && survivor !== undefined);
    process.kill(victim, 'SIGKILL');
    while (alive(victim)) await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 2; i++) assert.equal(await scrapedHits(), hitsByPid.get(survivor));
    // The replacement is forked 500 ms after the death and takes seconds to load: until it listens it cannot be
    // asked for its metrics, so a scrape now waits for it rather than timing out.
    await new Promise((resolve) => setTimeout(resolve, 800));
    for (let i = 0; i < 3; i++) assert.equal(await scrapedHits(), hitsByPid.get(survivor));
    hitsByPid.delete(victim);
    const deadline = Date.now() + 30_000;
    while (hitsByPid.size < 2 && Date.now() < deadline) await hit();
    assert.equal(hitsByPid.size, 2, 'the replacement serves');
    const total = [...hitsByPid.values()].reduce((sum, count) => sum + count, 0);
    for (let i = 0; i < 4; i++) assert.equal(await scrapedHits(), total);
  });
});
