import { execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/free-port';

/*
 * Debian's own PostgreSQL 15 (.ci/run installs it), for the one test that needs `pg_dump`: the
 * embedded server is PostgreSQL 18 and the only pg_dump Debian ships (15) refuses a newer server.
 */
export const DEBIAN_PG_BIN = '/usr/lib/postgresql/15/bin';

const asPostgres = (command: string, args: string[]) =>
  process.getuid?.() === 0 ? { file: 'runuser', args: ['-u', 'postgres', '--', command, ...args] } : { file: command, args };

export type DebianPostgres = { url: string; dump: () => string; stop: () => void };

export async function startDebianPostgres(): Promise<DebianPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dauys-pg15-'));
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const postgresUid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    chownSync(dir, postgresUid, 0);
  }
  const port = await freePort();
  const run = (command: string, args: string[]) => {
    const call = asPostgres(path.join(DEBIAN_PG_BIN, command), args);
    execFileSync(call.file, call.args, { stdio: 'pipe' });
  };
  run('initdb', ['-D', dataDir, '-U', 'dauys', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const server = asPostgres(path.join(DEBIAN_PG_BIN, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${dir}`,
    '-c',
    'fsync=off',
  ]);
  const child = spawn(server.file, server.args, { stdio: 'ignore' });
  const base = `postgresql://dauys@127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      execFileSync(path.join(DEBIAN_PG_BIN, 'psql'), [`${base}/postgres`, '-c', 'CREATE DATABASE dauys'], { stdio: 'pipe' });
      break;
    } catch (error) {
      if (attempt > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url: `${base}/dauys`,
    dump: () => execFileSync(path.join(DEBIAN_PG_BIN, 'pg_dump'), [`${base}/dauys`], { maxBuffer: 512 * 1024 * 1024 }).toString('utf8'),
    stop: () => {
      child.kill('SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
