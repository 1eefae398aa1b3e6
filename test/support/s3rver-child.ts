/**
 * Runs s3rver in its own process, because it needs `--openssl-legacy-provider` (its pagination tokens use DES)
 * and that flag only works at process start. Prints `{"port":…}` on stdout once listening; exits on SIGTERM.
 */
// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

const directory = process.env.S3RVER_DIRECTORY;
if (!directory) throw new Error('S3RVER_DIRECTORY is required');
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory,
  configureBuckets: [{ name: 'photos' }],
});

server.run().then(
  ({ port }) => {
    process.stdout.write(`${JSON.stringify({ port })}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`s3rver failed to start: ${String(error)}\n`);
    process.exit(1);
  },
);
process.on('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
