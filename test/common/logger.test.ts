import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { envLogLevel, loadEnv } from '../../common/config';
import { createLogger, type LogLevel } from '../../common/logger';

const ROOT = join(__dirname, '..', '..');

/** A destination that keeps what pino writes, one entry per line. */
function captured(): { write(line: string): void; lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line: string) => lines.push(...line.split('\n').filter((l) => l !== '')) };
}

function jsonLines(level: LogLevel, log: (logger: ReturnType<typeof createLogger>) => void) {
  const sink = captured();
  log(createLogger(level, { service: 'test-service' }, { destination: sink, pretty: false }));
  return sink.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('logger (pino)', () => {
  it('writes one JSON object per line with the level name, an ISO time, the base and the fields', () => {
    const [line, ...rest] = jsonLines('info', (logger) =>
      logger.child({ tier: 'display' }).info('slideshow made', { ownerId: 'o-1', photos: 12 }),
    );
    assert.equal(rest.length, 0);
    assert.equal(line?.level, 'info');
    assert.equal(line?.msg, 'slideshow made');
    assert.equal(line?.service, 'test-service');
    assert.equal(line?.tier, 'display');
    assert.equal(line?.ownerId, 'o-1');
    assert.equal(line?.photos, 12);
    assert.equal(line?.pid, process.pid);
    assert.match(String(line?.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps lines below the level out, and everything out when silent', () => {
    const logAll = (logger: ReturnType<typeof createLogger>) => {
      logger.debug('d');
      logger.info('i');
      logger.warn('w');
      logger.error('e');
    };
    assert.deepEqual(
      jsonLines('warn', logAll).map((line) => [line.level, line.msg]),
      [
        ['warn', 'w'],
        ['error', 'e'],
      ],
    );
    assert.deepEqual(
      jsonLines('debug', logAll).map((line) => line.level),
      ['debug', 'info', 'warn', 'error'],
    );
    assert.deepEqual(jsonLines('silent', logAll), []);
  });

  it('logs an error as a structured err field with type, message, stack and its own properties', () => {
    const failure = Object.assign(new TypeError('could not read IMG_1.jpg'), { code: 'ENOENT' });
    const [line] = jsonLines('info', (logger) =>
      logger.warn('render failed', { error: failure, other: new RangeError('too wide') }),
    );
    const err = line?.err as Record<string, unknown>;
    assert.equal(err.type, 'TypeError');
    assert.equal(err.message, 'could not read IMG_1.jpg');
    assert.equal(err.code, 'ENOENT');
    assert.match(String(err.stack), /^TypeError: could not read IMG_1\.jpg\n\s+at /);
    assert.equal(line?.error, undefined);
    // An error under another name is serialized too (JSON.stringify would write {}).
    assert.equal((line?.other as Record<string, unknown>).type, 'RangeError');
  });

  it('survives hostile fields and messages: format characters, circular objects, newlines', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const [line] = jsonLines('info', (logger) =>
      logger.info('100% done %s %d\n{"level":"error"}', { circular }),
    );
    assert.equal(line?.msg, '100% done %s %d\n{"level":"error"}');
    assert.equal(line?.level, 'info');
    assert.deepEqual(line?.circular, { name: 'loop', self: '[Circular]' });
  });

  it('in a terminal writes readable lines; an error is one line, its stack only at the debug level', () => {
    const pretty = (level: LogLevel) => {
      const sink = captured();
      createLogger(level, { service: 'display' }, { destination: sink, pretty: true }).error(
        'rendition failed',
        {
          error: new TypeError('boom'),
          key: 'k-1',
        },
      );
      return sink.lines;
    };
    const atInfo = pretty('info');
    assert.match(atInfo[0] ?? '', /^\[\d\d:\d\d:\d\d\.\d{3}\] ERROR: rendition failed$/);
    assert.ok(atInfo.includes('    err: "TypeError: boom"'), atInfo.join('\n'));
    assert.ok(atInfo.includes('    key: "k-1"'), atInfo.join('\n'));
    assert.ok(!atInfo.some((line) => /^\s+at /.test(line)), 'no stack at info');
    assert.ok(!atInfo.some((line) => line.startsWith('{')), 'no JSON');
    const atDebug = pretty('debug');
    assert.ok(
      atDebug.some((line) => /^\s+at .*logger\.test\.ts/.test(line)),
      atDebug.join('\n'),
    );
  });

  it('writes JSON to stderr by default when stderr is not a terminal, leaving stdout alone', async () => {
    const script = [
      "const { createLogger } = require('./common/logger');",
      "createLogger('info', { tool: 'probe' }).warn('careful', { n: 1 });",
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    const line = JSON.parse(stderr.trim()) as Record<string, unknown>;
    assert.deepEqual([line.level, line.msg, line.tool, line.n], ['warn', 'careful', 'probe', 1]);
  });

  it('takes its level from LOG_LEVEL, and refuses a level it does not know', () => {
    const schema = z.object({ LOG_LEVEL: envLogLevel });
    assert.equal(loadEnv(schema, { LOG_LEVEL: 'debug' }).LOG_LEVEL, 'debug');
    assert.equal(loadEnv(schema, {}).LOG_LEVEL, 'info');
    assert.throws(() => loadEnv(schema, { LOG_LEVEL: 'verbose' }), /LOG_LEVEL .*\(got "verbose"\)/);
  });
});
