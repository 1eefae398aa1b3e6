/**
 * `npm run worker`: runs the library's queue workers (ingest, vision, people) against DATABASE_URL (or the SQLite
 * file in DATA_DIR) on any machine that reaches the database and the originals. Also queues an ingest
 * (`--enqueue`), shows the queues (`--status`) and sends dead letters back (`--retry-dead`). SIGTERM or Ctrl-C:
 * no new jobs; jobs in flight finish (or, past JOB_GRACE_SECONDS, go back to the queue); exit 0.
 */
import '../../common/load-env';
import { EXIT_USAGE, printAnswer, readCliArguments, usageError } from '../../common/cli-arguments';
import { ownerIdSchema } from '../../common/contracts';
import { createLogger } from '../../common/logger';
import { startJobWorkers } from '../jobs/job-workers';
import { openJobQueue } from '../jobs/open-job-queue';
import { QUEUE_NAMES, queueNameSchema, type QueueName } from '../jobs/queue-definitions';
import { workerConfigFrom } from '../jobs/worker-config';

const USAGE = `Usage: npm run worker [-- --queues ingest,vision,people] [--vision-workers <n>]
       npm run worker -- --enqueue <folder|s3://bucket/prefix> [--owner <id>]
       npm run worker -- --status [--owner <id>]
       npm run worker -- --retry-dead <ingest|vision|people>

Runs the library's job workers: ingest jobs (one pass over a folder or bucket prefix, then one vision job per photo
not yet analysed), vision jobs (one photo, analysed once per model version) and people jobs (faces clustered per
owner). Start as many as you like on any machines that reach the database and the originals: each job goes to one
worker; a worker that dies loses its job's lease and another takes the job. SIGTERM/Ctrl-C finishes the jobs in
flight and exits.

Options:
  --queues <list>          which queues to work, comma-separated (default: all; vision only with VISION on)
  --vision-workers <n>     local vision model processes, 1-64 (default: VISION_WORKERS, else one per core)
  --enqueue <location>     queue an ingest job for a folder or s3://bucket/prefix and exit
  --owner <id>             owner for --enqueue and --status (default: PHOTO_OWNER_ID)
  --status                 print each queue's queued/active/failed/dead counts and exit
  --retry-dead <queue>     send that queue's dead letters back with fresh retries and exit
  -h, --help               this text

Environment:
  DATABASE_URL             unset → SQLite      postgres://… (the queue is pg-boss in JOBS_SCHEMA beside the library)
  DATA_DIR                 ./data              SQLite file DATA_DIR/library.sqlite (queue table job_queue in it)
  JOBS_SCHEMA              pgboss              PostgreSQL schema of the queue's tables
  PHOTO_OWNER_ID           local               default owner
  VISION                   true                false: leave vision jobs to other workers
  VISION_PROVIDER          local               local models or rekognition (AWS_REGION, REKOGNITION_*)
  VISION_WORKERS           one per core        local vision model processes
  JOB_LEASE_SECONDS        per queue           a job running longer has lost its worker (vision 300, ingest 14400)
  JOB_RETRY_DELAY_SECONDS  per queue           backoff base: retry n waits about base * 2^(n-1), plus jitter
  JOB_POLL_SECONDS         2                   how often an idle worker asks for work
  JOB_GRACE_SECONDS        30                  how long SIGTERM waits for jobs in flight
  LIBRARY_ALBUM_FOLDERS    leaf                which folders along a path become albums
  AWS_REGION, S3_ENDPOINT, S3_FORCE_PATH_STYLE   for s3:// originals
  LOG_LEVEL                info                debug, info, warn, error, silent`;
const CLI = { name: 'worker', usage: USAGE } as const;

async function main(): Promise<number> {
  const args = readCliArguments(
    {
      ...CLI,
      options: {
        queues: { type: 'string' },
        'vision-workers': { type: 'string' },
        enqueue: { type: 'string' },
        owner: { type: 'string' },
        status: { type: 'boolean' },
        'retry-dead': { type: 'string' },
      },
    },
    process.argv.slice(2),
  );
  if (args.kind !== 'run') return printAnswer(args);
  const { values } = args;
  const workersArg = values['vision-workers'];
  const visionWorkers = workersArg === undefined ? undefined : Number(workersArg);
  if (
    visionWorkers !== undefined &&
    !(Number.isInteger(visionWorkers) && visionWorkers >= 1 && visionWorkers <= 64)
  ) {
    return usage('--vision-workers must be a whole number from 1 to 64');
  }
  const queues = values.queues?.split(',').map((name) => name.trim());
  const badQueue = queues?.find((name) => !queueNameSchema.safeParse(name).success);
  if (badQueue !== undefined)
    return usage(`--queues: unknown queue "${badQueue}" (${QUEUE_NAMES.join(', ')})`);
  const retryDead = values['retry-dead'];
  if (retryDead !== undefined && !queueNameSchema.safeParse(retryDead).success) {
    return usage(`--retry-dead: unknown queue "${retryDead}" (${QUEUE_NAMES.join(', ')})`);
  }

  const config = workerConfigFrom(process.env, { visionWorkers });
  const owner = ownerIdSchema.safeParse(values.owner ?? config.ownerId);
  if (!owner.success) return usage('--owner must be an owner id (letters, digits, . _ : -)');
  const logger = createLogger(config.logLevel, { tool: 'worker', pid: process.pid });
  const queue = await openJobQueue(config.database, {
    logger,
    schema: config.jobsSchema,
    policies: config.policies,
    pollIntervalSeconds: config.pollIntervalSeconds,
  });

  if (values.enqueue !== undefined || values.status === true || retryDead !== undefined) {
    try {
      if (values.enqueue !== undefined) {
        const id = await queue.send(
          'ingest',
          { ownerId: owner.data, location: values.enqueue },
          { key: `${owner.data}\n${values.enqueue}` },
        );
        process.stdout.write(
          id === null ? 'an ingest of that location already waits\n' : `queued ingest ${id}\n`,
        );
      }
      if (retryDead !== undefined) {
        const moved = await queue.retryDead(retryDead as QueueName);
        process.stdout.write(`${moved} dead ${retryDead} job(s) sent back\n`);
      }
      if (values.status === true) {
        for (const name of QUEUE_NAMES) {
          const counts = await queue.counts(name, values.owner === undefined ? undefined : owner.data);
          process.stdout.write(
            `${name.padEnd(7)} queued ${counts.queued}  active ${counts.active}  failed ${counts.failed}  dead ${counts.dead}\n`,
          );
        }
      }
    } finally {
      await queue.stop({ graceMs: 1000 });
    }
    return 0;
  }

  const workers = await startJobWorkers({
    database: config.database,
    queue,
    logger,
    vision: config.vision,
    s3: config.s3,
    albumFolders: config.albumFolders,
    queues: queues as QueueName[] | undefined,
  });
  logger.info('worker started', {
    engine: queue.engine,
    queues: queues ?? QUEUE_NAMES.filter((name) => name !== 'vision' || config.vision !== undefined),
  });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.info('worker stopping', { signal, graceMs: config.graceMs });
  await workers.stop({ graceMs: config.graceMs });
  logger.info('worker stopped');
  return 0;
}

function usage(problem: string): number {
  return printAnswer(usageError(CLI, problem));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`worker: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof Error && error.name === 'ConfigError' ? EXIT_USAGE : 1);
  },
);
