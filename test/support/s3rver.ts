import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PutObjectCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** A real S3-compatible server (s3rver, bucket `photos`) in a child process, and a client configured for it. */
export interface TestS3Server {
  endpoint: string;
  client: S3Client;
  /** What the library's config reads (S3_ENDPOINT etc.), plus s3rver's fixed credentials for the SDK chain. */
  env: Record<string, string>;
  put(key: string, body: Buffer | string): Promise<void>;
  remove(key: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3rver(directory: string): Promise<TestS3Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 's3rver-child.ts')], {
    env: {
      ...process.env,
      S3RVER_DIRECTORY: directory,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --openssl-legacy-provider`.trim(),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await firstLinePort(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver stores aws-chunked framing as content when the SDK adds checksums to uploads.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    client,
    env: {
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async put(key, body) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      await client.send(
        new PutObjectCommand({ Bucket: 'photos', Key: key, Body: bytes, ContentLength: bytes.length }),
      );
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: 'photos', Key: key }));
    },
    async stop() {
      client.destroy();
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

async function firstLinePort(child: ChildProcess): Promise<number> {
  if (!child.stdout) throw new Error('s3rver child has no stdout');
  const lines = createInterface({ input: child.stdout });
  const exit = once(child, 'exit').then(([code]) => {
    throw new Error(`s3rver exited with ${String(code)} before listening`);
  });
  void exit.catch(() => undefined); // it also rejects at the normal stop, after the race is long settled
  const line = once(lines, 'line').then(([text]) => text as string);
  const text = await Promise.race([line, exit]);
  lines.close();
  return (JSON.parse(text) as { port: number }).port;
}
