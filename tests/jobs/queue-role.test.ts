import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { enqueue, getQueue, startWorkers, stopWorkers } from '@/lib/queue';

// A process that only adds jobs (a web server beside `npm run worker`; this test file runs with
// WORKER_IN_PROCESS=false) keeps its pg-boss pool small: each connection is a PostgreSQL process.
afterAll(() => stopWorkers({ timeoutMs: 5_000 }));

async function queueConnections(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = 'dauys-queue'`;
  return row!.count;
}

describe('the queue of a process that runs no jobs', () => {
  it('adds a burst of jobs through at most two connections, and gives way to a full instance when workers start', async () => {
    const sendOnly = await getQueue();
    let most = 0;
    const watching = setInterval(() => void queueConnections().then((count) => (most = Math.max(most, count))), 20);
    await Promise.all(Array.from({ length: 40 }, (_, index) => enqueue('petitions.mail', {}, { singletonKey: `burst-${index}` })));
    clearInterval(watching);
    most = Math.max(most, await queueConnections());
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    expect(await sendOnly.getQueueStats('petitions.mail')).toMatchObject([{ queuedCount: 40 }]);

    await startWorkers([]);
    const full = await getQueue();
    expect(full).not.toBe(sendOnly);
    await Promise.all(Array.from({ length: 40 }, () => full.getQueueStats('petitions.mail')));
    expect(await queueConnections()).toBeGreaterThan(2);
  });
});
