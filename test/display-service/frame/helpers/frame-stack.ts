import { mkdir, mkdtemp, rm } from 'node:fs/promises';
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

  private constructor(private readonly dir: string) {}

  static async start(landscapes?: number): Promise<FrameStack> {
    const dir = await mkdtemp(join(tmpdir(), 'photoframe-frame-'));
    await mkdir(join(dir, 'photos'));
    await writeFrameFixture(join(dir, 'photos'), landscapes);
    const frameStack = new FrameStack(dir);
    await frameStack.up();
    return frameStack;
  }

  /** The library's folder of originals. */
  get photosDir(): string {
    return join(this.dir, 'photos');
  }

  get url(): string {
    if (!this.stack) throw new Error('the stack is stopped');
    return this.stack.url;
  }

  async up(): Promise<void> {
    const config = {
      ...localStackConfigFromEnv({}),
      port: this.port,
      dataDir: join(this.dir, 'data'),
      photosDir: join(this.dir, 'photos'),
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
    await rm(this.dir, { recursive: true, force: true });
  }
}
