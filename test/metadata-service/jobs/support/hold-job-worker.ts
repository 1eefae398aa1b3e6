/**
 * A queue worker in a process of its own that takes one 'vision' job, says so on stdout and never finishes it:
 * the test kills it with SIGKILL mid-job. Argument: the database location as JSON.
 */
import { createLogger } from '../../../../common/logger';
import type { DatabaseLocation } from '../../../../common/database';
import { KILL_TEST_POLICY, openTestQueue } from './test-queues';

async function main(): Promise<void> {
  const location = JSON.parse(process.argv[2] ?? '') as DatabaseLocation;
  const queue = await openTestQueue(location, createLogger('silent'), KILL_TEST_POLICY);
  await queue.work('vision', async (job) => {
    process.stdout.write(`${JSON.stringify({ took: job.id, attempt: job.attempt })}\n`);
    await new Promise(() => undefined);
  });
  process.stdout.write('{"ready":true}\n');
}

void main();
