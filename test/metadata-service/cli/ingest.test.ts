import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeTempDir, writeJpeg, type TempDir } from '../support/fixtures';
import { startS3rver, type TestS3Server } from '../../support/s3rver';

const REPO_ROOT = resolve(__dirname, '../../..');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'metadata-service/cli/ingest.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('npm run ingest (CLI)', function () {
  this.timeout(60_000);
  let tmp: TempDir;
  let s3: TestS3Server;

  before(async () => {
    tmp = await makeTempDir('pf-cli-ingest-');
    s3 = await startS3rver(join(tmp.path, 's3rver'));
  });
  after(async () => {
    await s3.stop();
    await tmp.cleanup();
  });

  it('ingests s3://bucket/prefix with the S3 settings from the environment, then finds it unchanged', async () => {
    for (let i = 0; i < 3; i += 1) {
      const file = join(tmp.path, `f${i}.jpg`);
      await writeJpeg(file, { seed: 40 + i });
      await s3.put(`cli/Beach/${i}.jpg`, await readFile(file));
    }
    await s3.put('cli/Beach/broken.jpg', 'not a photo');
    const env = { ...s3.env, DATA_DIR: join(tmp.path, 'data'), PHOTO_OWNER_ID: 'cli-owner' };

    const first = await runCli(['s3://photos/cli'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Ingested s3:\/\/photos\/cli: 4 files scanned/);
    assert.match(first.stdout, /indexed 3, unchanged 0, updated 0, removed 0, skipped 1/);
    assert.match(first.stdout, /skipped 1 NOT_AN_IMAGE:\n {4}Beach\/broken\.jpg \(/);
    // The bar ends with its rate and ETA, then the vision phase has its own bar.
    assert.match(first.stderr, /ingest .*4\/4 \| [\d.]+ photos\/s \| ETA \d+s/);
    assert.match(first.stderr, /vision .*3\/3 \| [\d.]+ photos\/s/);
    // Vision reads the originals from S3 too; plain colour cards have no faces.
    assert.match(first.stdout, /Vision \(local\/[^)]+\): analysed 3, faces 0, people 0, skipped 0, failed 0/);

    const second = await runCli(['s3://photos/cli', '--owner', 'cli-owner'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /indexed 0, unchanged 3, updated 0, removed 0, skipped 1/);
    assert.match(second.stdout, /Vision \(local\/[^)]+\): analysed 0,/);

    const fast = await runCli(['s3://photos/cli', '--no-vision'], env);
    assert.equal(fast.code, 0, fast.stderr);
    assert.match(fast.stdout, /\nVision: off\n/);
    assert.doesNotMatch(fast.stderr, /vision \[/);
  });

  it('exits 2 with a clear message for a bad location or bad usage', async () => {
    const env = { DATA_DIR: join(tmp.path, 'data-bad') };
    const missing = await runCli([join(tmp.path, 'no-such-folder')], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /does not exist/);
    const notS3 = await runCli(['s3://Not A Bucket/x'], env);
    assert.equal(notS3.code, 2);
    assert.match(notS3.stderr, /is not an s3:\/\/bucket\/prefix location/);
    const badWorkers = await runCli([tmp.path, '--vision-workers', '0'], env);
    assert.equal(badWorkers.code, 2);
    assert.match(badWorkers.stderr, /--vision-workers must be a whole number from 1 to 64/);
    const noArgs = await runCli([], env);
    assert.equal(noArgs.code, 2);
    assert.match(noArgs.stderr, /Usage: npm run ingest -- <folder\|s3:\/\/bucket\/prefix> .*\[--no-vision\]/);
  });
});
