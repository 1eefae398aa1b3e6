import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, toErrorBody } from '../common/errors';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The host names this stack answers to: loopback, PUBLIC_BASE_URL's host, and the listen address when it is a
 * specific one. A browser page from another site that rebinds its own name to this machine's address (DNS
 * rebinding) still sends its own name as Host, and is refused.
 */
export function allowedHostNames(options: { publicBaseUrl: string | undefined; host: string }): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (options.publicBaseUrl !== undefined) names.add(new URL(options.publicBaseUrl).hostname.toLowerCase());
  const listen = options.host.includes(':') ? `[${options.host}]` : options.host.toLowerCase();
  if (!ANY_ADDRESS.has(listen)) names.add(listen);
  return names;
}

/** The host name of a Host header (port dropped, IPv6 kept in brackets), lower-cased; undefined when malformed. */
export function hostNameOf(header: string | undefined): string | undefined {
  // Only host[:port]: anything URL syntax would read differently (user info, paths) is refused outright.
  if (header === undefined || header === '' || /[@/?#\\\s]/.test(header)) return undefined;
  try {
    return new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Answers 421 HOST_NOT_ALLOWED and returns false for a request whose Host is not one of `allowed`. */
export function admitHost(allowed: Set<string>, req: IncomingMessage, res: ServerResponse): boolean {
  const name = hostNameOf(req.headers.host);
  if (name !== undefined && allowed.has(name)) return true;
  const error = new AppError({
    status: 421,
    code: 'HOST_NOT_ALLOWED',
    publicMessage: 'This server does not answer to that host name (set PUBLIC_BASE_URL to the name you use)',
  });
  res.writeHead(error.status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify(toErrorBody(error)));
  return false;
}
