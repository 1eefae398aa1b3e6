import { availableParallelism } from 'node:os';
import { fmt, percentile, verdict } from '../display/measure';
import { splitFailures, type OutageWindow } from './outage-window';
import { SLIDESHOW_KINDS, type RequestRecord } from './request-log';
import type { RenditionSources } from './server-metrics';

/** What one engine's run measured. */
export interface EngineResult {
  label: string;
  clients: number;
  /** From the first client's start to the last one's end, in seconds. */
  elapsedS: number;
  records: RequestRecord[];
  window: OutageWindow | undefined;
  /** The machine's 1-minute load average when the clients started and ended (other work skews the figures). */
  loadAverage: { before: number; after: number };
  /** CPU the server's processes used per second of the run: how much of the machine it actually got. */
  serverCores: number;
  /** The server's /metrics at the end: renditions by cache tier, renders and their mean time. */
  sources: RenditionSources | undefined;
  idleRssMb: number;
  peakRssMb: number;
  peakProcesses: number;
  /** How the server ended if it died during the run. */
  crash: string | undefined;
  /** Warnings and errors the server logged, by level and message. */
  logged: Map<string, number>;
  serverLog: string;
}

export interface Figures {
  requestsPerSecond: number;
  renditionsPerSecond: number;
  p50: number;
  p99: number;
  renditionP50: number;
  renditionP99: number;
  apiP50: number;
  apiP99: number;
  lost: number;
  peakRssMb: number;
}

const isApi = (r: RequestRecord) => SLIDESHOW_KINDS.includes(r.kind);
const isRendition = (r: RequestRecord) => r.kind === 'rendition';

export function figuresOf(result: EngineResult): Figures {
  const ok = result.records.filter((r) => r.ok);
  const ms = (rs: RequestRecord[]) => rs.map((r) => r.endMs - r.startMs);
  return {
    requestsPerSecond: ok.length / result.elapsedS,
    renditionsPerSecond: ok.filter(isRendition).length / result.elapsedS,
    p50: percentile(ms(ok), 50),
    p99: percentile(ms(ok), 99),
    renditionP50: percentile(ms(ok.filter(isRendition)), 50),
    renditionP99: percentile(ms(ok.filter(isRendition)), 99),
    apiP50: percentile(ms(ok.filter(isApi)), 50),
    apiP99: percentile(ms(ok.filter(isApi)), 99),
    lost: splitFailures(result.records, result.window).lost.length,
    peakRssMb: result.peakRssMb,
  };
}

/** The engine's block of the report: throughput, latency, every code counted, the outage, memory, server log. */
export function describeEngine(result: EngineResult, log: (line: string) => void): void {
  const f = figuresOf(result);
  const ok = result.records.filter((r) => r.ok);
  const bytes = ok.filter(isRendition).reduce((sum, r) => sum + r.bytes, 0);
  log(
    `\n${result.label}: ${result.clients} clients for ${fmt(result.elapsedS)} s ` +
      `(machine load average ${fmt(result.loadAverage.before)} at the start, ${fmt(result.loadAverage.after)} at the end)`,
  );
  log(
    `  throughput     ${fmt(f.requestsPerSecond, 0)} ok requests/s (${ok.length} of ${result.records.length}); ` +
      `renditions ${fmt(f.renditionsPerSecond, 0)}/s (${fmt(bytes / result.elapsedS / 1e6)} MB/s); ` +
      `slideshow API ${fmt(ok.filter(isApi).length / result.elapsedS, 0)}/s`,
  );
  log(
    `  latency ms     p50 / p99 of successful requests: all ${fmt(f.p50, 0)} / ${fmt(f.p99, 0)}, ` +
      `renditions ${fmt(f.renditionP50, 0)} / ${fmt(f.renditionP99, 0)}, slideshow API ${fmt(f.apiP50, 0)} / ${fmt(f.apiP99, 0)}`,
  );
  for (const kind of ['create', 'ambient', 'page', 'position', 'rendition'] as const) {
    const mine = ok.filter((r) => r.kind === kind).map((r) => r.endMs - r.startMs);
    if (mine.length === 0) continue;
    log(
      `    ${kind.padEnd(10)} ${String(mine.length).padStart(7)} ok   p50 ${fmt(percentile(mine, 50), 0).padStart(5)}   p99 ${fmt(percentile(mine, 99), 0).padStart(5)}`,
    );
  }
  log(`  codes          ${codeCounts(result.records)}`);
  log(`  server CPU     ${fmt(result.serverCores, 2)} cores on average (of ${availableParallelism()})`);
  const sources = result.sources;
  if (sources !== undefined) {
    const tiers = [...sources.byTier].map(([tier, count]) => `${tier} ${count}`).join(', ');
    log(
      `  renditions     by source (server /metrics): ${tiers}; ${sources.renders} renders, mean ${fmt(sources.meanRenderSeconds, 2)} s; ${sources.renderFailures} render failures`,
    );
  }
  const { inside, lost } = splitFailures(result.records, result.window);
  if (result.window !== undefined) describeWindow(result, inside, log);
  log(
    `  lost requests  ${lost.length} (failures outside the outage window)  target 0  ${verdict(lost.length === 0 && result.crash === undefined)}`,
  );
  if (lost.length > 0) {
    log(`                 ${codeCounts(lost, true)}`);
    for (const r of lost.slice(0, 5)) {
      log(
        `                 e.g. ${r.kind} at ${fmt(r.startMs / 1000, 2)}-${fmt(r.endMs / 1000, 2)} s: ${r.code}`,
      );
    }
  }
  if (result.crash !== undefined) log(`  SERVER DIED    ${result.crash}`);
  log(
    `  peak RSS       ${fmt(result.peakRssMb, 0)} MB (server process tree, ${result.peakProcesses} process(es), sampled every 250 ms; idle ${fmt(result.idleRssMb, 0)} MB)`,
  );
  const logged = [...result.logged].sort((a, b) => b[1] - a[1]);
  log(`  server log     ${logged.length === 0 ? 'no warnings or errors' : `${result.serverLog}`}`);
  for (const [line, count] of logged.slice(0, 8)) log(`    ${String(count).padStart(6)} x ${line}`);
}

function describeWindow(result: EngineResult, inside: RequestRecord[], log: (line: string) => void): void {
  const w = result.window;
  if (w === undefined) return;
  const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;
  const end = w.endMs === undefined ? 'NEVER' : s(w.endMs);
  const length = w.endMs === undefined ? 'unbounded' : s(w.endMs - w.startMs);
  log(
    `  outage window  ${length}: restart began ${s(w.restart.startMs)}, PostgreSQL down ${s(w.restart.downMs)}, ` +
      `up ${s(w.restart.upMs)}, first slideshow-API success sent after it went down ended ${end}`,
  );
  const overlapping = result.records.filter(
    (r) => r.endMs >= w.startMs && r.startMs <= (w.endMs ?? Number.POSITIVE_INFINITY),
  );
  log(
    `                 inside it: ${overlapping.filter((r) => r.ok).length} succeeded, ${inside.length} failed` +
      (inside.length > 0 ? `: ${codeCounts(inside, true)}` : ''),
  );
}

/** "200 x 5120, 503 DATABASE_UNAVAILABLE x 12 …", per kind when `byKind`. */
function codeCounts(records: readonly RequestRecord[], byKind = false): string {
  const counts = new Map<string, number>();
  for (const r of records) {
    const key = byKind ? `${r.kind} ${r.code}` : `${r.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return 'none';
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${code} x ${count}`)
    .join(', ');
}

/** PostgreSQL measured against SQLite in the same run: the side-by-side ratios. */
export function describeRatios(
  sqlite: EngineResult,
  postgres: EngineResult,
  log: (line: string) => void,
): void {
  const a = figuresOf(sqlite);
  const b = figuresOf(postgres);
  const ratio = (x: number, y: number) => `${fmt(y / x, 2)}x`;
  log(`\nPostgreSQL / SQLite (same clients, same photos, this machine, this run)`);
  log(
    `  ok requests/s  ${fmt(a.requestsPerSecond, 0)} -> ${fmt(b.requestsPerSecond, 0)}  ${ratio(a.requestsPerSecond, b.requestsPerSecond)}`,
  );
  log(`  p50 all        ${fmt(a.p50, 0)} -> ${fmt(b.p50, 0)} ms  ${ratio(a.p50, b.p50)}`);
  log(`  p99 all        ${fmt(a.p99, 0)} -> ${fmt(b.p99, 0)} ms  ${ratio(a.p99, b.p99)}`);
  log(`  p99 API        ${fmt(a.apiP99, 0)} -> ${fmt(b.apiP99, 0)} ms  ${ratio(a.apiP99, b.apiP99)}`);
  log(
    `  peak RSS       ${fmt(a.peakRssMb, 0)} -> ${fmt(b.peakRssMb, 0)} MB  ${ratio(a.peakRssMb, b.peakRssMb)}`,
  );
}
