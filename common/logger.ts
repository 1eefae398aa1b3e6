import { hostname } from 'node:os';
import pino, { type DestinationStream } from 'pino';
import { isColorSupported, prettyFactory } from 'pino-pretty';

/**
 * Logs through pino on stderr, so stdout stays free for CLI output: JSON lines for collectors, or pino-pretty's
 * readable lines when stderr is a terminal. An Error in the fields is logged as `err` (pino's convention): with
 * type, message and stack in JSON; in a terminal as one line, its stack only at the debug level.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LogOutput {
  /** Where lines go; stderr by default. */
  destination?: DestinationStream;
  /** Readable lines instead of JSON; by default exactly when stderr is a terminal. */
  pretty?: boolean;
}

export function createLogger(
  level: LogLevel,
  base: Record<string, unknown> = {},
  output: LogOutput = {},
): Logger {
  const pretty = output.pretty ?? process.stderr.isTTY === true;
  const logger = pino(
    {
      level,
      base: { pid: process.pid, hostname: hostname(), ...base },
      // pino-pretty reads pino's own numeric levels and epoch times; a collector gets names and ISO times.
      ...(pretty
        ? {}
        : {
            timestamp: pino.stdTimeFunctions.isoTime,
            formatters: { level: (label: string) => ({ level: label }) },
          }),
    },
    pretty ? prettyLines(output.destination) : (output.destination ?? stderrJson()),
  );
  return wrap(logger, { stacks: !pretty || level === 'debug' });
}

function wrap(logger: pino.Logger, errors: ErrorForm): Logger {
  const at =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields === undefined) logger[method](message);
      else logger[method](logFields(fields, errors), message);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => wrap(logger.child(logFields(fields, errors)), errors),
  };
}

interface ErrorForm {
  /** Whole errors with stacks (JSON, or a terminal at debug), else one `Type: message` line. */
  stacks: boolean;
}

function logFields(fields: Record<string, unknown>, errors: ErrorForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const name = key === 'error' ? 'err' : key;
    if (!(value instanceof Error)) out[name] = value;
    else if (!errors.stacks) out[name] = `${value.name}: ${value.message}`;
    // pino serializes `err` itself; an Error under another name would otherwise be logged as {}.
    else out[name] = name === 'err' ? value : pino.stdSerializers.err(value);
  }
  return out;
}

let stderrSink: DestinationStream | undefined;

/** Synchronous writes, as console.error does: a line logged just before process.exit is not lost. */
function stderrJson(): DestinationStream {
  stderrSink ??= pino.destination({ dest: 2, sync: true });
  return stderrSink;
}

function prettyLines(destination: DestinationStream | undefined): DestinationStream {
  const prettify = prettyFactory({
    colorize: destination === undefined && isColorSupported,
    ignore: 'pid,hostname',
    translateTime: 'SYS:HH:MM:ss.l',
  });
  const target = destination ?? stderrJson();
  return { write: (line: string) => target.write(prettify(line)) };
}
