import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('npm start (server/main.ts)', function () {
  this.timeout(120_000);
  let dir: string;
  let holder: Server;
  let port: number;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pf-main-'));
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    port = (holder.address() as AddressInfo).port;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('says at once that its port is taken, before generating the demo library', async () => {
    const dataDir = join(dir, 'data');
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'server', 'main.ts')],
        {
          cwd: ROOT,
          // No PHOTOS_DIR: without the check, the demo library would be generated into DATA_DIR first.
          env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PHOTOS_DIR: '' },
          timeout: 100_000,
        },
        (error, _stdout, stderr) => resolve({ code: error === null ? 0 : (error.code as number), stderr }),
      );
    });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    assert.match(run.stderr, new RegExp(`PORT=${port + 1} npm start`));
    // The proof that the check comes before any work (no time bound: that would fail on a busy machine): the demo
    // library, the database and the secrets would all have been written into DATA_DIR first.
    assert.equal(existsSync(dataDir), false, 'nothing was written: no demo library, no database, no secrets');
  });
});
