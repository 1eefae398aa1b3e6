/**
 * `npm run bench:load`: 100 concurrent slideshow clients (Echo Shows and web frames, bench/load/slideshow-client.ts)
 * for 60 s against the real stack (`npm start` as a child process, a real-photo PHOTOS_DIR), first on SQLite, then on
 * a throwaway PostgreSQL server that is restarted in the middle of the run. Prints per engine the throughput, p50/p99
 * latency (overall, renditions, slideshow API), every response code counted (status + the body's error.code), the
 * outage window and what failed inside it, lost requests (failures outside it; target 0), peak RSS of the server,
 * and PostgreSQL against SQLite side by side. A benchmark, not a test: exits 1 only when requests were lost or the
 * server died. Flags: --seconds, --clients, --think-ms, --engines, --restart-at, --down-seconds, --photos.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseLoadBenchOptions } from './options';
import { buildPhotoFolder } from './photo-folder';
import { describeEngine, describeRatios, figuresOf, type EngineResult } from './report';
import { runEngine } from './run-engine';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseLoadBenchOptions(process.argv.slice(2));
  log(
    `load bench: ${availableParallelism()} cores, node ${process.version}; ${options.clients} clients x ${options.seconds} s ` +
      `per engine (${options.engines.join(', ')}), think ${options.thinkMs} ms between pages`,
  );
  const workDir = await mkdtemp(join(tmpdir(), 'load-bench-'));
  try {
    let photosDir = options.photosDir === undefined ? undefined : resolve(options.photosDir);
    if (photosDir === undefined) {
      log('building the photo folder ...');
      const folder = await buildPhotoFolder(workDir);
      photosDir = folder.root;
      log(`PHOTOS_DIR: ${folder.description}`);
    } else {
      log(`PHOTOS_DIR: ${photosDir}`);
    }
    const results: EngineResult[] = [];
    for (const engine of options.engines) {
      const result = await runEngine(engine, options, photosDir, workDir, log);
      if (result === undefined) continue;
      results.push(result);
      describeEngine(result, log);
    }
    const [sqlite, postgres] = [
      results.find((r) => r.label === 'SQLite'),
      results.find((r) => r.label === 'PostgreSQL'),
    ];
    if (sqlite && postgres) describeRatios(sqlite, postgres, log);
    if (results.some((r) => figuresOf(r).lost > 0 || r.crash !== undefined)) process.exitCode = 1;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
