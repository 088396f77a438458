import { afterAll, describe, expect, it } from 'vitest';

// A shorter cap than any queue's own setting (the longest is 7 days), read when lib/env loads.
process.env.RETENTION_JOB_DAYS = '1';

const { db } = await import('@/lib/db');
const { JOBS } = await import('@/lib/jobs/definitions');
const { getQueue, QUEUE_SCHEMA, stopWorkers } = await import('@/lib/queue');

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const DAY_SECONDS = 86_400;

describe('finished jobs leave the queue within RETENTION_JOB_DAYS', () => {
  it('caps every queue’s deleteAfterSeconds, and pg-boss deletes a job finished longer ago', async () => {
    const boss = await getQueue();
    const queues = await db.$queryRawUnsafe<Array<{ name: string; deletion_seconds: number }>>(
      `SELECT name, deletion_seconds FROM ${QUEUE_SCHEMA}.queue WHERE name = ANY($1::text[])`,
      JOBS.map((job) => job.name),
    );
    expect(queues).toHaveLength(JOBS.length);
    for (const queue of queues) {
      // 0 would be pg-boss's "never delete".
      expect(queue.deletion_seconds, queue.name).toBeGreaterThan(0);
      expect(queue.deletion_seconds, queue.name).toBeLessThanOrEqual(DAY_SECONDS);
    }
    // petitions.notify keeps its jobs 7 days by its own definition; the cap wins.
    expect(queues.find((queue) => queue.name === 'petitions.notify')?.deletion_seconds).toBe(DAY_SECONDS);

    const old = await boss.send('petitions.notify', { petitionId: 'p-old', kind: 'milestone', milestone: 10 });
    const recent = await boss.send('petitions.notify', { petitionId: 'p-recent', kind: 'milestone', milestone: 10 });
    const fetched = await boss.fetch('petitions.notify', { batchSize: 2 });
    expect(fetched.map((job) => job.id).sort()).toEqual([old, recent].sort());
    await boss.complete('petitions.notify', [old!, recent!]);
    // Time travel for the one job: it finished a day and an hour ago; the other an hour ago.
    await db.$executeRawUnsafe(
      `UPDATE ${QUEUE_SCHEMA}.job SET completed_on = completed_on - make_interval(hours => $2) WHERE id = $1::uuid`,
      old,
      25,
    );
    await db.$executeRawUnsafe(
      `UPDATE ${QUEUE_SCHEMA}.job SET completed_on = completed_on - make_interval(hours => $2) WHERE id = $1::uuid`,
      recent,
      1,
    );
    await boss.supervise('petitions.notify');

    const left = await db.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id::text FROM ${QUEUE_SCHEMA}.job WHERE name = 'petitions.notify' AND id = ANY($1::uuid[])`,
      [old, recent],
    );
    expect(left.map((row) => row.id)).toEqual([recent]);
  });
});
