import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/**
 * One GET on a TCP connection of its own, so a node:cluster server hands each request to its next worker
 * (round-robin). A raw socket, not fetch or http.get: fetch keeps connections alive (one worker would answer all),
 * and other suites load interceptors (nock) that patch node:http for the whole test process.
 */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.write(
        `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${extra.join('')}Connection: close\r\n\r\n`,
      );
    });
    socket.setTimeout(20_000, () => socket.destroy(new Error(`no answer from ${url}`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks);
      const end = answer.indexOf('\r\n\r\n');
      if (end < 0) {
        reject(new Error(`no HTTP answer from ${url}`));
        return;
      }
      const [statusLine = '', ...headerLines] = answer.subarray(0, end).toString('latin1').split('\r\n');
      const headerMap = new Map(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: headerMap,
        body: answer.subarray(end + 4),
      });
    });
  });
}

/** `name{labels}` → value, for every sample line of a Prometheus text answer. */
export function prometheusSamples(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match?.[1] && match[2]) values.set(match[1], Number(match[2]));
  }
  return values;
}
