import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { exitOf, ROOT, startDauys, waitUntilHealthy } from './helpers/launcher';
import { keyringOf } from './helpers/mail';

/*
 * PostgreSQL killed (SIGKILL) while people sign, under `npm start`: the launcher restarts it, the
 * web and worker processes reconnect by themselves, nothing acknowledged is lost, and nobody gets a
 * 500 meanwhile (503 with Retry-After instead). Prints the figures docs/reliability.md records.
 */
const LAUNCHER = { port: 3330, postgresPort: 54369, smtpPort: 2565, dataDir: '.data/e2e-faults' };
const BASE = `http://localhost:${LAUNCHER.port}`;
const SLUG = 'sexual-harassment-liability';
const SIGNERS = 8;

test.describe.configure({ timeout: 300_000 });

test('PostgreSQL killed under signing load: restarted, nothing acknowledged lost, 503 not 500 meanwhile', async () => {
  await rm(path.join(ROOT, LAUNCHER.dataDir), { recursive: true, force: true });
  // Each simulated signer comes from its own network, as through a proxy (the per-IP limits hold).
  const dauys = startDauys({ ...LAUNCHER, env: { TRUSTED_PROXY_HOPS: '1' } }, 'pipe');
  let terminal = '';
  dauys.stdout!.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  dauys.stderr!.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  try {
    await waitUntilHealthy(LAUNCHER.port);
    const run = Date.now().toString(36);
    const acknowledged = new Set<string>();
    const statuses = new Map<number, number>();
    let lastFailureAt = 0;
    let killedAt = 0;
    let sequence = 0;
    let stopAt = Number.POSITIVE_INFINITY;

    async function signer(worker: number) {
      while (Date.now() < stopAt) {
        sequence += 1;
        const email = `fault-${run}-${sequence}@example.org`;
        const response = await fetch(`${BASE}/api/petitions/${SLUG}/signatures`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${worker}.${sequence % 250}` },
          body: JSON.stringify({ fullName: 'Fault Signer', email, region: 'ALMATY', consent: true, locale: 'ru' }),
        }).catch(() => null);
        const status = response?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 200) acknowledged.add(email);
        else {
          if (killedAt) lastFailureAt = Date.now();
          if (status === 503) expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }

    const load = Array.from({ length: SIGNERS }, (_, worker) => signer(worker));
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const postmaster = Number((await readFile(path.join(ROOT, LAUNCHER.dataDir, 'postgres/postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    killedAt = Date.now();
    // Sign on until the site has answered 2xx for 10 s in a row, or give up after 90 s.
    await expect
      .poll(() => (lastFailureAt && Date.now() - lastFailureAt > 10_000) || Date.now() - killedAt > 90_000, {
        timeout: 120_000,
        intervals: [500],
      })
      .toBe(true);
    stopAt = Date.now();
    await Promise.all(load);

    const client = new pg.Client({ connectionString: `postgresql://dauys:dauys@127.0.0.1:${LAUNCHER.postgresPort}/dauys` });
    await client.connect();
    // Addresses are sealed: each acknowledged one is looked for by its blind index.
    const keys = await keyringOf(client);
    const { rows } = await client.query<{ emailIndex: string }>(`SELECT "emailIndex" FROM "Signature"`);
    await client.end();
    const stored = new Set(rows.map((row) => row.emailIndex));
    const lost = [...acknowledged].filter((email) => !stored.has(keys.emailIndex(email)));
    const secondsToRecover = lastFailureAt ? (lastFailureAt - killedAt) / 1000 : 0;
    console.log(
      `[faults] PostgreSQL SIGKILL under ${SIGNERS} signers: acknowledged ${acknowledged.size}, stored ${acknowledged.size - lost.length}, lost ${lost.length}, ` +
        `answers ${JSON.stringify(Object.fromEntries(statuses))}, seconds to recover ${secondsToRecover.toFixed(1)}`,
    );
    expect(terminal).toMatch(/PostgreSQL exited \(SIGKILL\); restarting it/);
    expect(lost).toEqual([]);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(statuses.get(0) ?? 0).toBe(0);
    expect(secondsToRecover).toBeLessThan(30);
    expect(acknowledged.size).toBeGreaterThan(0);
  } finally {
    process.kill(-dauys.pid!, 'SIGTERM');
    await exitOf(dauys);
  }
});
