/**
 * `npm run bench:explain`: for each search shape of the bench workload, the SQL statements one request runs, each
 * timed alone and with its plan (EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL), slowest
 * first: where a shape's time goes, on the index `npm run bench` built and kept.
 * Flags: --engine sqlite|postgres, --photos <n> (which kept index), --case <substring> (only matching shapes),
 * --request <i> (which parameters of the shape), --top <n> (statements shown per shape).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  sql,
  type Kysely,
  type KyselyPlugin,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { openDatabase, type DatabaseLocation } from '../common/database';
import type { LibraryDatabase } from '../metadata-service/database/schema';
import { createProvenanceService } from '../metadata-service/labels/provenance/provenance-service';
import { createLibraryService } from '../metadata-service/library-service';
import { PeopleRepository } from '../metadata-service/people/people-repository';
import { PeopleService } from '../metadata-service/people/people-service';
import { PhotoRepository } from '../metadata-service/repositories/photo-repository';
import { createOriginalReader } from '../metadata-service/vision/original-reader';
import { BENCH_DATA_VERSION, OWNER_A } from './bench-library';
import { searchCases } from './search-workload';

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Records every statement a Kysely instance executes, as the driver received it. A statement is kept when its result
 * comes back: a subquery (each branch of a UNION ALL) is compiled through the plugin too, but never executed alone.
 */
function recorder(db: Kysely<LibraryDatabase>): { plugin: KyselyPlugin; statements: Statement[] } {
  const statements: Statement[] = [];
  const compiled = new Map<unknown, Statement>();
  const plugin: KyselyPlugin = {
    transformQuery(args): RootOperationNode {
      const query = db.getExecutor().compileQuery(args.node, args.queryId);
      compiled.set(args.queryId, { sql: query.sql, parameters: query.parameters });
      return args.node;
    },
    transformResult: async (args): Promise<QueryResult<UnknownRow>> => {
      const statement = compiled.get(args.queryId);
      compiled.delete(args.queryId);
      if (statement) statements.push(statement);
      return Promise.resolve(args.result);
    },
  };
  return { plugin, statements };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'sqlite' },
      photos: { type: 'string', default: '1000000' },
      case: { type: 'string', default: '' },
      request: { type: 'string', default: '3' },
      top: { type: 'string', default: '3' },
    },
  });
  const engine = values.engine === 'postgres' ? 'postgres' : 'sqlite';
  const benchDir = resolve(process.env.BENCH_CACHE_DIR ?? join(homedir(), '.cache', 'photo-frame', 'bench'));
  const serverUrl = new URL(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  );
  serverUrl.pathname = `/photoframe_bench_v${BENCH_DATA_VERSION}`;
  const location: DatabaseLocation =
    engine === 'sqlite'
      ? { kind: 'sqlite', file: join(benchDir, `library-${values.photos}-v${BENCH_DATA_VERSION}.sqlite`) }
      : { kind: 'postgres', url: serverUrl.toString() };
  const db = openDatabase<LibraryDatabase>(location);
  try {
    const { plugin, statements } = recorder(db);
    const traced = db.withPlugin(plugin);
    const people = new PeopleService(new PeopleRepository(traced), createOriginalReader(undefined));
    const service = createLibraryService(
      new PhotoRepository(traced),
      people,
      createProvenanceService(traced, () => []),
    );
    const i = Number(values.request);
    for (const searchCase of searchCases(OWNER_A).filter((c) => c.name.includes(values.case))) {
      statements.length = 0;
      const request = searchCase.request(i);
      const started = process.hrtime.bigint();
      const response = await service.search(OWNER_A, request);
      const total = Number(process.hrtime.bigint() - started) / 1e6;
      const timed: { ms: number; statement: Statement }[] = [];
      for (const statement of [...statements]) {
        const start = process.hrtime.bigint();
        await sql.raw(inline(statement, engine)).execute(db);
        timed.push({ ms: Number(process.hrtime.bigint() - start) / 1e6, statement });
      }
      timed.sort((a, b) => b.ms - a.ms);
      console.log(
        `\n=== ${searchCase.name}: ${total.toFixed(1)} ms, ${statements.length} statements, ${response.total} matches`,
      );
      for (const { ms, statement } of timed.slice(0, Number(values.top))) {
        console.log(`\n--- ${ms.toFixed(2)} ms\n${inline(statement, engine)}`);
        const explain = engine === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
        const plan = await sql.raw<Record<string, unknown>>(explain + inline(statement, engine)).execute(db);
        for (const row of plan.rows) {
          console.log(engine === 'sqlite' ? `  ${String(row.detail)}` : `  ${String(row['QUERY PLAN'])}`);
        }
      }
    }
  } finally {
    await db.destroy();
  }
}

/** The statement with its parameters written in, so it can be explained and timed as the text the driver ran. */
function inline(statement: Statement, engine: 'sqlite' | 'postgres'): string {
  const literal = (value: unknown): string => {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    if (typeof value === 'boolean') return engine === 'sqlite' ? (value ? '1' : '0') : String(value);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `'${text.replaceAll("'", "''")}'`;
  };
  if (engine === 'sqlite') {
    let n = 0;
    return statement.sql.replace(/\?/g, () => literal(statement.parameters[n++]));
  }
  return statement.sql.replace(/\$(\d+)/g, (_, d: string) => literal(statement.parameters[Number(d) - 1]));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
