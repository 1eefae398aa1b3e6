import { execFile } from 'node:child_process';
import { Agent, request } from 'node:http';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoadResult {
  requestsPerSecond: number;
  tool: string;
}

/** Keep-alive load against one URL for `seconds`: Debian's wrk when present, else a node:http generator. */
export async function loadTest(
  url: string,
  options: { wrk: string | undefined; connections: number; seconds: number },
): Promise<LoadResult> {
  if (options.wrk) {
    const { stdout } = await run(options.wrk, [
      '-t2',
      `-c${options.connections}`,
      `-d${options.seconds}s`,
      url,
    ]);
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
    const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1];
    if (non2xx) throw new Error(`wrk saw ${non2xx} error responses from ${url}`);
    return { requestsPerSecond: rps, tool: `wrk -t2 -c${options.connections}` };
  }
  return nodeLoad(url, options.connections, options.seconds);
}

/** Fallback generator: `connections` keep-alive sockets, each sending the next request as the last completes. */
async function nodeLoad(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      request(url, { agent }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode} from ${url}`));
        res.on('data', () => undefined).on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await once();
        done++;
      }
    }),
  );
  agent.destroy();
  return {
    requestsPerSecond: done / ((performance.now() - started) / 1000),
    tool: `node:http keep-alive x${connections}`,
  };
}
