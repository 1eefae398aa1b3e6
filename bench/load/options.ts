import { parseArgs } from 'node:util';
import { z } from 'zod';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** `npm run bench:load -- --seconds 10 --clients 20`: how long, how many clients, which engines. */
export interface LoadBenchOptions {
  seconds: number;
  clients: number;
  /** Pause after each page of renditions, as a frame waits before it asks for more. */
  thinkMs: number;
  engines: Engine[];
  /** Seconds into the PostgreSQL run at which the server is restarted (default: the middle). */
  restartAt: number;
  /** How long PostgreSQL stays stopped between the stop and the start (0: a plain restart). */
  downSeconds: number;
  /** A folder of the caller's own photos instead of the built real-photo folder. */
  photosDir: string | undefined;
}

const USAGE = `usage: npm run bench:load -- [--seconds 60] [--clients 100] [--think-ms 1000]
       [--engines sqlite,postgres] [--restart-at <s, default seconds/2>] [--down-seconds 0] [--photos <dir>]`;

const optionsSchema = z
  .object({
    seconds: z.coerce.number().int().min(5).max(3600).default(60),
    clients: z.coerce.number().int().min(1).max(2000).default(100),
    'think-ms': z.coerce.number().int().min(0).max(60_000).default(1000),
    engines: z
      .string()
      .default(ENGINES.join(','))
      .transform((v) => v.split(',').map((engine) => engine.trim()))
      .pipe(z.array(z.enum(ENGINES)).min(1)),
    'restart-at': z.coerce.number().min(1).optional(),
    'down-seconds': z.coerce.number().min(0).max(600).default(0),
    photos: z.string().min(1).optional(),
  })
  .strict();

export function parseLoadBenchOptions(argv: readonly string[]): LoadBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seconds: { type: 'string' },
      clients: { type: 'string' },
      'think-ms': { type: 'string' },
      engines: { type: 'string' },
      'restart-at': { type: 'string' },
      'down-seconds': { type: 'string' },
      photos: { type: 'string' },
    },
    strict: true,
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${problems.join('; ')}\n${USAGE}`);
  }
  const o = parsed.data;
  const restartAt = o['restart-at'] ?? o.seconds / 2;
  if (restartAt + o['down-seconds'] >= o.seconds) {
    throw new Error(`--restart-at + --down-seconds must end before --seconds (${o.seconds})\n${USAGE}`);
  }
  return {
    seconds: o.seconds,
    clients: o.clients,
    thinkMs: o['think-ms'],
    engines: [...new Set(o.engines)],
    restartAt,
    downSeconds: o['down-seconds'],
    photosDir: o.photos,
  };
}
