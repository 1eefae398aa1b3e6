import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `npm run alexa`'s entry point as a user would, with exactly the environment given. */
function runSimulator(env: Record<string, string>, utterance = 'show beach photos'): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/alexa-simulator/main.ts', utterance], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started })),
  );
}

async function listening(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server) => String((server.address() as AddressInfo).port);

describe('npm run alexa: never hides a missing stack behind an in-process one', function () {
  this.timeout(60_000);
  let dataDir: string;
  const servers: Server[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pf-sim-'));
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a port taken by another program: says so and exits 1, starting nothing', async () => {
    const other = await listening((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    servers.push(other);
    const run = await runSimulator({ PORT: portOf(other), DATA_DIR: dataDir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /is in use by something that is not a Photo Frame stack \(GET \/healthz answered HTTP 404/,
    );
    assert.doesNotMatch(run.stderr + run.stdout, /in-process|beach photos/);
  });

  it('a stack that accepts but never answers: "not answering", exit 1', async () => {
    const hung = await listening(() => undefined);
    servers.push(hung);
    const run = await runSimulator({ PORT: portOf(hung), DATA_DIR: dataDir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /does not answer: the Photo Frame stack there is not answering/);
  });

  it('PORT given (or DATABASE_URL) and nothing listening: a stack was expected, none is started', async () => {
    const gone = await listening(() => undefined);
    const port = portOf(gone);
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const run = await runSimulator({ PORT: port, DATA_DIR: dataDir });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`No Photo Frame stack is listening on port ${port} \\(PORT is set`));
    assert.doesNotMatch(run.stderr, /starting the demo stack/);
    const withDatabase = await runSimulator({
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:1/none',
      DATA_DIR: dataDir,
      // Port 8080 may be in use on a developer machine; the probe then reports what it found instead.
    });
    assert.equal(withDatabase.code, 1, withDatabase.stderr);
    assert.doesNotMatch(withDatabase.stderr, /starting the demo stack/);
  });
});
