import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP front for a real S3 server that a test can turn into the faults a store really has: `forward` (pipe every
 * connection to the S3 server), `hang` (accept and never answer) and `refuse` (the connection is reset at once,
 * as when the server behind a load balancer is stopped). The S3 client always talks to the front, so the display
 * under test keeps one client across the outage and its recovery, as in production.
 */
export type FaultMode = 'forward' | 'hang' | 'refuse';

export class S3FaultFront {
  private current: FaultMode = 'forward';
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  constructor(public upstreamPort: number) {
    this.server = createServer((socket) => this.accept(socket));
  }

  get mode(): FaultMode {
    return this.current;
  }

  /**
   * Connections already open end with the old mode (a keep-alive socket piped to a healthy server would otherwise
   * carry on as if nothing happened), so every request after the switch meets the new fault.
   */
  set mode(mode: FaultMode) {
    this.current = mode;
    for (const socket of this.sockets) socket.destroy();
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Client connections still open on the front (a hung one the client never tore down stays counted). */
  get openConnections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    if (this.current === 'hang') {
      // Read and drop what arrives: a socket nobody reads never sees the client's FIN, so it would never close.
      socket.resume();
      return;
    }
    if (this.current === 'refuse') {
      socket.resetAndDestroy();
      return;
    }
    const upstream = connect(this.upstreamPort, '127.0.0.1');
    upstream.on('error', () => socket.resetAndDestroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  }
}
