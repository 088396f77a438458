/**
 * Runs Debian's nginx with docs/nginx.conf (the documented caching proxy) in front of a Dauys
 * server, for the benchmark (what a surge costs behind a cache) and the end-to-end tests (what the
 * cache may and may not keep). Ports and the cache folder are the only changes to the documented file.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';

export const NGINX_BINARIES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export type RunningNginx = { url: string; stop: () => Promise<void> };

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`docs/nginx.conf no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** Starts nginx on `port` in front of 127.0.0.1:`upstreamPort`; null when nginx is not installed. */
export async function startNginx(root: string, workDir: string, port: number, upstreamPort: number): Promise<RunningNginx | null> {
  const binary = NGINX_BINARIES.find((candidate) => existsSync(candidate));
  if (!binary) return null;
  await rm(workDir, { recursive: true, force: true });
  await mkdir(path.join(workDir, 'cache'), { recursive: true });
  await mkdir(path.join(workDir, 'temp'), { recursive: true });

  let site = await readFile(path.join(root, 'docs/nginx.conf'), 'utf8');
  site = replaceOnce(site, '/var/cache/nginx/dauys', path.join(workDir, 'cache'));
  site = replaceOnce(site, 'server 127.0.0.1:3000;', `server 127.0.0.1:${upstreamPort};`);
  site = replaceOnce(site, 'listen 80;', `listen 127.0.0.1:${port};`);
  const temp = path.join(workDir, 'temp');
  const config = [
    'daemon off;',
    'worker_processes auto;',
    // Only meaningful when started as root: the workers then run as this user, who owns workDir.
    ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
    `pid ${path.join(workDir, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${temp}/${kind};`),
    site,
    '}',
  ].join('\n');
  const configFile = path.join(workDir, 'nginx.conf');
  await writeFile(configFile, config);

  const child = spawn(binary, ['-p', workDir, '-c', configFile, '-e', 'stderr'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const since = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const response = await fetch(`${url}/api/health`).catch(() => null);
    if (response?.ok) break;
    if (Date.now() - since > 10_000) throw new Error('nginx did not answer within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
