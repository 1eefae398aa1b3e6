import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localStackConfigFromEnv } from '../../../../server/config';
import { startLocalStack, type LocalStack } from '../../../../server/local-stack';
import { writeFrameFixture } from './frame-fixture';

/**
 * The embedded stack (real library over a generated fixture folder, real display) on one port, which can be
 * stopped and started again on the same port and data, as a restarting server would.
 */
export class FrameStack {
  private stack: LocalStack | undefined;
  private port = 0;

  private constructor(
    private readonly dir: string,
    private readonly publicHost: string | undefined,
    private readonly frameAccounts: boolean,
  ) {}

  /**
   * `publicHost`: the name a screen on another machine reaches the stack by (PUBLIC_BASE_URL's host, on the
   * stack's port); a browser maps it to 127.0.0.1 (launchChromium's --host-resolver-rules) and opens publicUrl.
   */
  static async start(
    landscapes?: number,
    options: { publicHost?: string; frameAccounts?: boolean } = {},
  ): Promise<FrameStack> {
    const dir = await mkdtemp(join(tmpdir(), 'photoframe-frame-'));
    await mkdir(join(dir, 'photos'));
    await writeFrameFixture(join(dir, 'photos'), landscapes);
    const frameStack = new FrameStack(dir, options.publicHost, options.frameAccounts ?? false);
    await frameStack.up();
    return frameStack;
  }

  /** The library's folder of originals. */
  get photosDir(): string {
    return join(this.dir, 'photos');
  }

  /** DATA_DIR: the library's SQLite database (credentials included) and local-secrets.json. */
  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** The local owner's full credential (DATA_DIR/local-secrets.json `ownerToken`). */
  get ownerToken(): string {
    if (!this.stack) throw new Error('the stack is stopped');
    return this.stack.ownerToken;
  }

  get url(): string {
    if (!this.stack) throw new Error('the stack is stopped');
    return this.stack.url;
  }

  /** The stack as a screen on another machine opens it (start's `publicHost`). */
  get publicUrl(): string {
    if (this.publicHost === undefined) throw new Error('the stack was started without a public host');
    return `http://${this.publicHost}:${this.port}`;
  }

  async up(): Promise<void> {
    // PUBLIC_BASE_URL names the port, so it must be known before the stack listens.
    if (this.publicHost !== undefined && this.port === 0) this.port = await freePort();
    const config = {
      ...localStackConfigFromEnv({}),
      port: this.port,
      publicBaseUrl: this.publicHost === undefined ? undefined : this.publicUrl,
      dataDir: this.dataDir,
      photosDir: join(this.dir, 'photos'),
      // On: a frame shows a code until its owner links it, and every browser signs in (no loopback session).
      frameAccounts: this.frameAccounts,
      // The frame tests are about the browser: no vision workers competing with chromium for the CPU.
      vision: undefined,
      logLevel: 'silent' as const,
    };
    this.stack = await startLocalStack(config);
    await this.stack.ingestDone;
    this.port = this.stack.port;
  }

  async down(): Promise<void> {
    const stack = this.stack;
    this.stack = undefined;
    await stack?.close();
  }

  async close(): Promise<void> {
    await this.down();
    // A rendition still being cached as the stack closes can add a file while the folder is removed (ENOTEMPTY).
    await rm(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
