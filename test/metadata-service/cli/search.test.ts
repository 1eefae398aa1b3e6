import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { answerNothingFound, nothingFoundSentence } from '../../../common/answers/nothing-found-answer';
import { isAppError } from '../../../common/errors';
import { OWNER_HEADER, searchResponseSchema, type NothingFound } from '../../../common/contracts';
import { createDisplay } from '../../../display-service/display';
import { createQuerySlideshow } from '../../../display-service/frame/server/query-slideshow';
import { runSearchCommand } from '../../../metadata-service/cli/search-command';
import { createLibrary } from '../../../metadata-service/library';
import { SERVICE_AUTH, authenticateV1 } from '../../support/test-credentials';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'metadata-service', 'cli', 'search.ts');
const REFERENCE = ['--reference', '2026-03-01T20:00:00Z', '--time-zone', 'America/Los_Angeles'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PHOTO_OWNER_ID: 'alice' };
}

/** The command in this process (each run a fresh library on the same file), as the entry point runs it. */
async function runSearch(dataDir: string, args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runSearchCommand(args, cliEnv(dataDir), {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** The entry point itself, in its own process: .env loading, arguments and exit code wired to the command. */
function spawnSearch(dataDir: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: cliEnv(dataDir),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface JsonOutput {
  understood: { kind: string; text: string }[];
  unmatched: string[];
  query?: Record<string, unknown>;
  total: number;
  nothingFound?: NothingFound;
  photos: { id: string; takenLocal: string | null; place: string | null; path: string }[];
}

describe('npm run search (metadata-service/cli/search.ts)', function () {
  this.timeout(120_000);
  let temp: TempDir;
  let dataDir: string;

  before(async () => {
    temp = await makeTempDir('pf-search-cli-');
    const photos = join(temp.path, 'photos');
    dataDir = join(temp.path, 'data');
    const santaMonica = { latitude: 34.0195, longitude: -118.4912 };
    await writeJpeg(join(photos, 'Summer/IMG_1.jpg'), {
      seed: 1,
      dateTimeOriginal: '2025:07:04 10:00:00',
      offsetTimeOriginal: '-07:00',
      gps: santaMonica,
      keywords: ['Seaside'],
    });
    // Beach, but the summer before: the date must rule it out.
    await writeJpeg(join(photos, 'Summer/IMG_2.jpg'), {
      seed: 2,
      dateTimeOriginal: '2024:07:04 10:00:00',
      offsetTimeOriginal: '-07:00',
      gps: santaMonica,
      keywords: ['beach'],
    });
    await writeJpeg(join(photos, 'pets/IMG_3.jpg'), {
      seed: 3,
      dateTimeOriginal: '2019:12:25 09:30:00',
      keywords: ['puppy'],
    });
    await writeJpeg(join(photos, 'pets/IMG_4.jpg'), {
      seed: 4,
      dateTimeOriginal: '2021:12:25 18:00:00',
      keywords: ['dog'],
    });
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(dataDir, 'library.sqlite') },
      logger: silentLogger,
    });
    try {
      const report = await library.ingest(photos, { ownerId: 'alice' });
      assert.equal(report.skipped.length, 0);
    } finally {
      await library.close();
    }
  });

  after(async () => {
    await temp.cleanup();
  });

  it('prints how the text was understood, the total and one line per photo', async () => {
    const run = await runSearch(dataDir, ['beach photos from last summer in Santa Monica', ...REFERENCE]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'Understood "beach photos from last summer in Santa Monica":');
    assert.match(run.stdout, /label\s+"beach" → beach/);
    assert.match(
      run.stdout,
      /date\s+"last summer" → summer 2025 \[2025-06-01T00:00:00, 2025-09-01T00:00:00\)/,
    );
    assert.match(run.stdout, /place\s+"Santa Monica" → Santa Monica \(city\)/);
    assert.match(run.stdout, /^1 photo /m);
    const photoLine = lines[lines.length - 1] ?? '';
    assert.match(
      photoLine,
      /^ph_\S+ {2}2025-07-04 10:00:00 {2}Santa Monica, .*United States {2}Summer\/IMG_1\.jpg$/,
    );
  });

  it('prints {understood, query, total, photos} with --json', async () => {
    const run = await runSearch(dataDir, ['dogs', 'every', 'christmas', '--json', ...REFERENCE]);
    assert.equal(run.code, 0, run.stderr);
    const output = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(
      output.understood.map(({ kind, text }) => ({ kind, text })),
      [
        { kind: 'label', text: 'dogs' },
        { kind: 'date', text: 'every christmas' },
      ],
    );
    assert.deepEqual(output.query?.labels, ['dog']);
    // The library spans 2019–2025: one range per Christmas in it.
    assert.equal((output.query?.dateRanges as unknown[]).length, 6);
    assert.equal(output.total, 2);
    assert.deepEqual(
      output.photos.map((p) => [p.path, p.takenLocal, p.place]),
      [
        ['pets/IMG_3.jpg', '2019-12-25T09:30:00', null],
        ['pets/IMG_4.jpg', '2021-12-25T18:00:00', null],
      ],
    );
  });

  it('honours --limit', async () => {
    const run = await runSearch(dataDir, ['beach photos', '--json', '--limit', '1', ...REFERENCE]);
    assert.equal(run.code, 0, run.stderr);
    const output = JSON.parse(run.stdout) as JsonOutput;
    assert.equal(output.total, 2);
    assert.equal(output.photos.length, 1);
  });

  it('answers a word it could not place with nothing, never with the rest of the text', async () => {
    const run = await runSearch(dataDir, ['blorf photos', ...REFERENCE]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        'Understood "blorf photos":',
        '  unknown     "blorf"',
        "I don't know “blorf”, so no photos match.",
        '',
      ].join('\n'),
    );
    const json = await runSearch(dataDir, ['blorf photos', '--json', ...REFERENCE]);
    const output = JSON.parse(json.stdout) as JsonOutput;
    assert.deepEqual(output.unmatched, ['blorf']);
    assert.equal(output.total, 0);
    assert.deepEqual(output.photos, []);
    assert.deepEqual(output.nothingFound, { failed: [{ kind: 'word', text: 'blorf', reason: 'unknown' }] });
  });

  it('gives the same answer as the HTTP API and the web frame for the same text', async () => {
    const q = 'beach photos from 2019';
    const run = await runSearch(dataDir, [q, ...REFERENCE]);
    assert.equal(run.code, 0, run.stderr);
    const cliAnswer = run.stdout.trimEnd().split('\n').at(-1);
    assert.equal(
      cliAnswer,
      'No beach photos from 2019. Your most recent beach photos are from July 2025 (2): npm run search -- "beach photos"',
    );
    const cliJson = JSON.parse((await runSearch(dataDir, [q, '--json', ...REFERENCE])).stdout) as JsonOutput;

    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(dataDir, 'library.sqlite') },
      logger: silentLogger,
    });
    const app = express();
    authenticateV1(app, library.credentials);
    app.use('/v1/library', library.router);
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const display = await createDisplay({
      database: { kind: 'sqlite', file: join(temp.path, 'display.sqlite') },
      library: library.api,
      renditionsDir: join(temp.path, 'renditions'),
      publicBaseUrl: 'http://127.0.0.1',
      signingKey: 'test-signing-key-0123456789abcdef',
      urlTtlSeconds: 3600,
      logger: silentLogger,
    });
    try {
      const res = await fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/library/search`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...SERVICE_AUTH, [OWNER_HEADER]: 'alice' },
          body: JSON.stringify({ q, timeZone: 'America/Los_Angeles', reference: '2026-03-01T20:00:00Z' }),
        },
      );
      assert.equal(res.status, 200);
      const http = searchResponseSchema.parse(await res.json());
      assert.equal(http.total, 0);
      assert.deepEqual(http.nothingFound, cliJson.nothingFound);
      const answer = answerNothingFound(http.nothingFound ?? assert.fail('nothingFound'), {
        text: q,
        understood: http.understood,
      });
      assert.equal(`${answer.said} ${answer.offer}: npm run search -- "${answer.offerText}"`, cliAnswer);

      await assert.rejects(
        createQuerySlideshow(
          { library: library.api, display: display.api },
          {
            ownerId: 'alice',
            deviceId: 'frame-1',
            q,
            viewport: { width: 1280, height: 800, shape: 'RECTANGLE' },
            timeZone: 'America/Los_Angeles',
            shuffle: false,
            pageSize: 10,
            now: new Date('2026-03-01T20:00:00Z'),
          },
        ),
        (error: unknown) =>
          isAppError(error) &&
          error.code === 'NO_MATCHING_PHOTOS' &&
          error.publicMessage === nothingFoundSentence(answer) &&
          error.publicMessage ===
            'No beach photos from 2019. Your most recent beach photos are from July 2025 (2).',
      );
    } finally {
      await display.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await library.close();
    }
  });

  it('reads German text with --language de: "Strand" is the beach, "Juli 2025" a month', async () => {
    const german = await runSearch(dataDir, ['Strandfotos vom Juli 2024', '--language', 'de', ...REFERENCE]);
    assert.equal(german.code, 0, german.stderr);
    assert.match(german.stdout, /date\s+"Juli 2024" → July 2024/);
    assert.match(german.stdout, /^1 photo /m);
    assert.match(german.stdout, /Summer\/IMG_2\.jpg$/m);
    // Without it the word is English ("a strand"), no label: nothing, never the rest of the text.
    const unstated = await runSearch(dataDir, ['Fotos vom Strand', ...REFERENCE]);
    assert.match(unstated.stdout, /unknown\s+"Strand"/);
    assert.doesNotMatch(unstated.stdout, /^\d+ photos? /m);
  });

  it('only searches the given owner', async () => {
    const run = await runSearch(dataDir, ['dogs', '--owner', 'bob', '--json', ...REFERENCE]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as JsonOutput).total, 0);
  });

  it('exits 2 with the usage for bad arguments', async () => {
    for (const args of [
      [],
      ['dogs', '--limit', 'lots'],
      ['dogs', '--hemisphere', 'E'],
      ['dogs', '--language', 'fr'],
    ]) {
      const run = await runSearch(dataDir, args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /Usage: npm run search/);
    }
  });

  it('runs as its own process: the same answer on stdout with exit 0, and exit 2 for a bad command line', async () => {
    const [answered, refused] = await Promise.all([
      spawnSearch(dataDir, ['dogs', '--json', ...REFERENCE]),
      spawnSearch(dataDir, ['dogs', '--limit', 'lots']),
    ]);
    assert.equal(answered.code, 0, answered.stderr);
    assert.deepEqual(
      JSON.parse(answered.stdout),
      JSON.parse((await runSearch(dataDir, ['dogs', '--json', ...REFERENCE])).stdout),
    );
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /Usage: npm run search/);
  });
});
