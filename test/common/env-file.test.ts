import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvFileError, loadEnvFile } from '../../common/env-file';

const ROOT = join(__dirname, '..', '..');
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

describe('common/env-file: .env loading', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'env-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads KEY=value lines, quotes, comments and export into the environment', () => {
    const path = join(dir, '.env');
    writeFileSync(
      path,
      [
        '# the photo folder',
        'PHOTOS_DIR=/srv/photos',
        'PORT="9090"',
        "PUBLIC_BASE_URL='https://photos.example.com'",
        'export LOG_LEVEL=debug',
        'HOST=0.0.0.0 # inline comment',
        '',
      ].join('\n'),
    );
    const env: NodeJS.ProcessEnv = {};
    const result = loadEnvFile({ path, env });
    assert.deepEqual(env, {
      PHOTOS_DIR: '/srv/photos',
      PORT: '9090',
      PUBLIC_BASE_URL: 'https://photos.example.com',
      LOG_LEVEL: 'debug',
      HOST: '0.0.0.0',
    });
    assert.equal(result.found, true);
    assert.deepEqual([...result.applied].sort(), [
      'HOST',
      'LOG_LEVEL',
      'PHOTOS_DIR',
      'PORT',
      'PUBLIC_BASE_URL',
    ]);
  });

  it('never overrides a variable already set in the environment, even to an empty string', () => {
    const path = join(dir, '.env');
    writeFileSync(path, 'PORT=9090\nDATA_DIR=/data\nLOG_LEVEL=debug\n');
    const env: NodeJS.ProcessEnv = { PORT: '7000', LOG_LEVEL: '' };
    const result = loadEnvFile({ path, env });
    assert.deepEqual(env, { PORT: '7000', LOG_LEVEL: '', DATA_DIR: '/data' });
    assert.deepEqual(result.applied, ['DATA_DIR']);
  });

  it('a missing file is fine: nothing set, found false', () => {
    const env: NodeJS.ProcessEnv = { PORT: '7000' };
    const result = loadEnvFile({ path: join(dir, 'absent.env'), env });
    assert.deepEqual(result, { path: join(dir, 'absent.env'), found: false, applied: [] });
    assert.deepEqual(env, { PORT: '7000' });
  });

  it('ignores a line dotenv cannot parse and keeps the lines around it', () => {
    const path = join(dir, '.env');
    writeFileSync(path, 'PORT=9090\nthis line has no equals sign\n=novalue\nDATA_DIR=/data\n');
    const env: NodeJS.ProcessEnv = {};
    loadEnvFile({ path, env });
    assert.deepEqual(env, { PORT: '9090', DATA_DIR: '/data' });
  });

  it('a path that exists but is not a readable file is ENV_FILE_UNREADABLE naming it', () => {
    const path = join(dir, 'a-folder.env');
    mkdirSync(path);
    assert.throws(
      () => loadEnvFile({ path, env: {} }),
      (error: unknown) =>
        error instanceof EnvFileError && error.code === 'ENV_FILE_UNREADABLE' && error.message.includes(path),
    );
  });

  it('ENV_FILE in the environment chooses the file', () => {
    const path = join(dir, 'other.env');
    writeFileSync(path, 'PHOTO_OWNER_ID=anna\n');
    const env: NodeJS.ProcessEnv = { ENV_FILE: path };
    const result = loadEnvFile({ env });
    assert.equal(result.path, path);
    assert.equal(env.PHOTO_OWNER_ID, 'anna');
  });

  it('common/load-env, imported first, fills process.env from .env in the working directory before later imports', () => {
    writeFileSync(join(dir, '.env'), 'FROM_DOT_ENV=yes\nSET_OUTSIDE=file\n');
    const script = join(dir, 'probe.ts');
    writeFileSync(
      script,
      [
        `import ${JSON.stringify(join(ROOT, 'common', 'load-env'))};`,
        `const seen = { FROM_DOT_ENV: process.env.FROM_DOT_ENV, SET_OUTSIDE: process.env.SET_OUTSIDE };`,
        'process.stdout.write(JSON.stringify(seen));',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [TSX_CLI, script], {
      cwd: dir,
      env: { ...process.env, SET_OUTSIDE: 'environment', ENV_FILE: undefined },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { FROM_DOT_ENV: 'yes', SET_OUTSIDE: 'environment' });
  });

  it('common/load-env stops the program with exit 1 and the reason when .env cannot be read', () => {
    mkdirSync(join(dir, '.env'));
    const script = join(dir, 'probe.ts');
    writeFileSync(
      script,
      `import ${JSON.stringify(join(ROOT, 'common', 'load-env'))};\nconsole.log('ran');\n`,
    );
    const run = spawnSync(process.execPath, [TSX_CLI, script], {
      cwd: dir,
      env: { ...process.env, ENV_FILE: undefined },
      encoding: 'utf8',
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /ENV_FILE_UNREADABLE: cannot read \.env/);
    assert.equal(run.stdout, '');
  });
});

describe('.env.example', () => {
  const ROOT = join(__dirname, '..', '..');

  it('documents every variable of the README configuration tables and parses as a .env file', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const tableVariables = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((match) => match[1]);
    assert.ok(tableVariables.length >= 20, `found only ${tableVariables.length} variables in README tables`);
    const documented = new Set([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
    assert.deepEqual(
      tableVariables.filter((name) => !documented.has(name)),
      [],
    );
    const env: NodeJS.ProcessEnv = {};
    const path = join(mkdtempSync(join(tmpdir(), 'env-example-')), '.env');
    writeFileSync(path, example);
    loadEnvFile({ path, env });
    assert.deepEqual(Object.keys(env).sort(), ['DATA_LOCATION', 'EXPOSE_PORT', 'PHOTOS_LOCATION']);
    rmSync(join(path, '..'), { recursive: true, force: true });
  });
});

describe('entry points load .env first', () => {
  const ENTRY_POINTS = [
    'server/main.ts',
    'server/cli/credentials.ts',
    'display-service/standalone/main.ts',
    'metadata-service/standalone/main.ts',
    'metadata-service/cli/ingest.ts',
    'metadata-service/cli/search.ts',
    'tools/alexa-simulator/main.ts',
  ];

  for (const file of ENTRY_POINTS) {
    it(`${file} imports common/load-env before anything that could read the environment`, () => {
      const source = readFileSync(join(ROOT, file), 'utf8');
      const firstImport = source.split('\n').find((line) => line.startsWith('import '));
      assert.match(firstImport ?? '', /^import '(\.\.\/)+common\/load-env';$/);
    });
  }

  it('npm start reads PORT from .env in the working directory (a bad value is refused, naming PORT)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-start-'));
    try {
      writeFileSync(join(dir, '.env'), 'PORT=not-a-port\n');
      const env = { ...process.env, ENV_FILE: undefined, PORT: undefined };
      const run = spawnSync(process.execPath, [TSX_CLI, join(ROOT, 'server', 'main.ts')], {
        cwd: dir,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.notEqual(run.status, 0);
      assert.match(
        run.stderr + run.stdout,
        /PORT must be an integer between 0 and 65535 \(got "not-a-port"\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
