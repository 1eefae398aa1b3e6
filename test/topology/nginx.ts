import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rawGet } from '../support/raw-http';
import { until } from '../support/tier-process';

/** Debian's nginx, the reverse proxy the README's scale-out picture puts in front of the tiers. */
export function nginxBinary(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' });
  const path = found.stdout.trim().split('\n')[0];
  return found.status === 0 && path ? path : undefined;
}

export interface NginxProxy {
  /** http://127.0.0.1:<port>: what devices, the skill and the display use as the services' origin. */
  base: string;
  /** Requests nginx passed on, by upstream address (from its access log). */
  accessLog(): string;
  stop(): Promise<void>;
}

export interface NginxUpstreams {
  library: readonly string[];
  display: readonly string[];
}

/**
 * nginx as a load balancer would be set up in front of stateless instances: round robin over each tier's instances,
 * a refused or reset connection (an instance that died) passed to the next instance. Requests already sent to an
 * instance that dies mid-way are not replayed (POST creates a slideshow): the client retries, as devices do.
 */
export function nginxConfig(dir: string, port: number, upstreams: NginxUpstreams): string {
  const servers = (addresses: readonly string[]) =>
    addresses.map((address) => `    server ${address} max_fails=1 fail_timeout=10s;`).join('\n');
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format upstreams '$request_method $uri $status $upstream_addr';
  upstream library {
${servers(upstreams.library)}
    keepalive 16;
  }
  upstream display {
${servers(upstreams.display)}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    access_log ${dir}/upstreams.log upstreams;
    client_max_body_size 2m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_connect_timeout 2s;
    proxy_read_timeout 60s;
    proxy_next_upstream error timeout http_502;
    proxy_next_upstream_tries 2;
    location /v1/library/ { proxy_pass http://library; }
    location / { proxy_pass http://display; }
  }
}
`;
}

/**
 * Starts nginx in the foreground with its own prefix, config and logs under `dir`, on `port` (chosen before the
 * instances behind it start, since they are told the public origin); ready once it answers.
 */
export async function startNginx(dir: string, upstreams: NginxUpstreams, port: number): Promise<NginxProxy> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed (Debian: apt-get install -y nginx)');
  await mkdir(dir, { recursive: true });
  const config = join(dir, 'nginx.conf');
  await writeFile(config, nginxConfig(dir, port, upstreams));
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', config, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  await until(
    'nginx to answer',
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      return (await rawGet(`${base}/healthz`)).status > 0 ? true : undefined;
    },
    { timeoutMs: 15_000 },
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`nginx did not start: ${stderr || String(error)}`);
  });
  return {
    base,
    accessLog: () => spawnSync('cat', [join(dir, 'upstreams.log')], { encoding: 'utf8' }).stdout,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
