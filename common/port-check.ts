import { createServer } from 'node:net';

/** The port a server is about to listen on is held by another process (or may not be used by this one). */
export class PortUnavailableError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
    readonly code: string,
    advice: string,
  ) {
    super(
      code === 'EADDRINUSE'
        ? `Port ${port} on ${host} is already in use by another program (another Photo Frame?). ${advice}`
        : `Port ${port} on ${host} cannot be listened on (${code}). ${advice}`,
    );
    this.name = 'PortUnavailableError';
  }
}

/**
 * Binds the port for a moment and lets it go, so a command can say at once that its port is taken instead of
 * after minutes of startup work. Port 0 (any free port) always passes. `advice` tells the person what to do,
 * e.g. "Stop it, or start on another port: PORT=8081 npm start".
 */
export async function assertPortAvailable(port: number, host: string, advice: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(new PortUnavailableError(port, host, error.code ?? 'unknown error', advice));
    });
    // exclusive: a cluster worker asking would otherwise be handed the primary's handle and never see a conflict.
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
