import { mkdir } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PhotoQueryInput, SlideshowPage } from '../../common/contracts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test/faults/throwaway-postgres';
import type { Engine, LoadBenchOptions } from './options';
import { outageWindow, type RestartTimes } from './outage-window';
import { processTreeCpuSeconds, processTreeRss, sampleProcessTree } from './process-tree-usage';
import type { EngineResult } from './report';
import { RequestLog } from './request-log';
import { renditionSources } from './server-metrics';
import { runSlideshowClient } from './slideshow-client';
import { startStackProcess, type StackProcess } from './stack-process';

/** The embedded stack's owner (PHOTO_OWNER_ID's default), whose token is in local-secrets.json. */
const OWNER_ID = 'local';
/** The server logs of the last run, one per engine. */
const LOG_DIR = join(tmpdir(), 'photo-frame-bench-load');

/** What Echo Show clients ask for; those that match no photo in the folder are left out (and said so). */
const CANDIDATE_QUERIES: readonly (readonly [string, PhotoQueryInput])[] = [
  ['everything', {}],
  ['beach', { labels: ['beach'] }],
  ['dog', { labels: ['dog'] }],
  ['cat', { labels: ['cat'] }],
  ['horse', { labels: ['horse'] }],
  ['Paris', { places: [{ name: 'Paris' }] }],
  ['Munich', { places: [{ name: 'Munich' }] }],
  ['2019', { takenFrom: '2019-01-01T00:00:00', takenTo: '2020-01-01T00:00:00' }],
  ['favourites', { favoritesOnly: true }],
];

const ENGINE_LABELS: Record<Engine, string> = {
  sqlite: 'SQLite (embedded default, DATA_DIR/library.sqlite)',
  postgres: 'PostgreSQL (DATABASE_URL, a throwaway server restarted mid-run)',
};

/** One engine: a fresh DATA_DIR (cold renditions, fresh database) and stack, the clients, the restart. */
export async function runEngine(
  engine: Engine,
  options: LoadBenchOptions,
  photosDir: string,
  workDir: string,
  log: (line: string) => void,
): Promise<EngineResult | undefined> {
  log(`\n${ENGINE_LABELS[engine]}`);
  let postgres: ThrowawayPostgres | undefined;
  if (engine === 'postgres') {
    postgres = await startThrowawayPostgres();
    if (postgres === undefined) {
      log('   SKIPPED: no initdb/pg_ctl on this machine (apt-get install -y postgresql)');
      return undefined;
    }
  }
  const dataDir = join(workDir, `data-${engine}`);
  // Outside the work folder (deleted at the end), so the log can be read after the run.
  await mkdir(LOG_DIR, { recursive: true });
  const serverLog = join(LOG_DIR, `${engine}-server.log`);
  let stack: StackProcess | undefined;
  try {
    log(`   starting the stack (PHOTOS_DIR ingest, vision off) ...`);
    stack = await startStackProcess({ dataDir, photosDir, databaseUrl: postgres?.url, serverLog, log });
    const idle = await processTreeRss(stack.pid);
    const queries = await playableQueries(stack, log);
    const sampler = sampleProcessTree(stack.pid);
    const loadBefore = loadavg()[0] ?? 0;
    const cpuBefore = await processTreeCpuSeconds(stack.pid);
    const requests = new RequestLog();
    const endMs = options.seconds * 1000;
    const timeUp = () => requests.now() >= endMs || stack?.exited() !== undefined;
    log(
      `   ${options.clients} clients for ${options.seconds} s` +
        (postgres ? `, PostgreSQL restarted at ${options.restartAt} s (down ${options.downSeconds} s)` : ''),
    );
    const restart = postgres ? restartLater(postgres, options, requests) : Promise.resolve(undefined);
    const context = {
      baseUrl: stack.baseUrl,
      ownerToken: stack.ownerToken,
      ownerId: OWNER_ID,
      queries,
      thinkMs: options.thinkMs,
      log: requests,
      timeUp,
    };
    await Promise.all(Array.from({ length: options.clients }, (_, i) => runSlideshowClient(i, context)));
    const elapsedS = requests.now() / 1000;
    const cpuSeconds = (await processTreeCpuSeconds(stack.pid)) - cpuBefore;
    const times = await restart;
    sampler.stop();
    const sources = await renditionSources(stack.baseUrl);
    const exit = stack.exited();
    return {
      label: engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      clients: options.clients,
      elapsedS,
      records: requests.records,
      window: times ? outageWindow(requests.records, times) : undefined,
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
      serverCores: cpuSeconds / elapsedS,
      sources,
      idleRssMb: idle.rssMb,
      peakRssMb: sampler.peak().rssMb,
      peakProcesses: sampler.peak().processes,
      crash: exit
        ? `exit code ${exit.code}, signal ${exit.signal}, ${exit.atMs / 1000} s after start`
        : undefined,
      logged: stack.logged(),
      serverLog,
    };
  } finally {
    await stack?.stop();
    await postgres?.destroy();
  }
}

/** Stops and starts PostgreSQL at --restart-at seconds of the run's clock, noting when each step returned. */
async function restartLater(
  postgres: ThrowawayPostgres,
  options: LoadBenchOptions,
  requests: RequestLog,
): Promise<RestartTimes> {
  await new Promise((resolve) => setTimeout(resolve, options.restartAt * 1000 - requests.now()));
  const startMs = requests.now();
  await postgres.stop();
  const downMs = requests.now();
  await new Promise((resolve) => setTimeout(resolve, options.downSeconds * 1000));
  await postgres.start();
  return { startMs, downMs, upMs: requests.now() };
}

/** Asks each candidate once (not counted in the load) and keeps those with photos, printing what it found. */
async function playableQueries(stack: StackProcess, log: (line: string) => void): Promise<PhotoQueryInput[]> {
  const found: string[] = [];
  const playable: PhotoQueryInput[] = [];
  for (const [name, query] of CANDIDATE_QUERIES) {
    const response = await fetch(`${stack.baseUrl}/v1/display/slideshows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ownerId: OWNER_ID,
        query,
        viewport: { width: 1280, height: 800, shape: 'RECTANGLE' },
        pageSize: 1,
      }),
    });
    if (response.status !== 201) {
      throw new Error(
        `creating the '${name}' slideshow answered ${response.status}: ${await response.text()}`,
      );
    }
    const page = (await response.json()) as SlideshowPage;
    found.push(`${name} ${page.total}`);
    if (page.total > 0) playable.push(query);
  }
  log(`   Echo Show queries (items each): ${found.join(', ')}`);
  if (playable.length === 0) throw new Error('no query matches a photo in the folder');
  return playable;
}
