import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { addPendingSignatures, createOpenPetition, report, seconds } from './helpers/fixtures';
import { startRelay, waitFor, type Relay } from './helpers/relay';
import { applyFastMailSettings, WorkerFleet } from './helpers/worker-process';

// Finding: `petitions.mail` runs one job at a time and expired a run after 600 s, so a worker
// killed mid-run held that slot and every new confirmation waited 10 min 46 s. Now every queue's
// jobs carry a heartbeat: a dead worker's job is failed and retried within ~20 s.
const relay: Relay = await startRelay();
applyFastMailSettings(relay.url);

const { db } = await import('@/lib/db');
const { enqueue, stopWorkers } = await import('@/lib/queue');

const workers = new WorkerFleet(() => ({}));

afterAll(async () => {
  await workers.killAll();
  await stopWorkers({ graceful: false });
  await relay.stop();
  await db.$disconnect();
});

describe('a worker killed in the middle of a petitions.mail run', () => {
  it('holds no slot: confirmations, old and new, flow again within 30 s of its restart', async () => {
    const petition = await createOpenPetition(db, 'worker-crash');
    const before = Array.from({ length: 20 }, (_, index) => `signer-${index}@example.org`);
    await addPendingSignatures(db, petition.id, before);

    // The run stops inside its transaction, where it writes the outbox rows, until this lock goes.
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "OutboundMail" IN EXCLUSIVE MODE');

    const first = workers.start();
    await first.ready;
    await enqueue('petitions.mail', {});
    await waitFor(
      async () =>
        (
          await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'petitions.mail' AND state = 'active'`
        )[0]!.n > 0,
      'a petitions.mail run in progress',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await first.kill();
    await locker.query('ROLLBACK');
    await locker.end();

    // Someone signs while the worker is down; signing nudges the queue.
    await addPendingSignatures(db, petition.id, ['after-crash@example.org']);
    await enqueue('petitions.mail', {});

    const restarted = Date.now();
    const second = workers.start();
    await second.ready;
    await waitFor(() => relay.messages.some((m) => m.to === 'after-crash@example.org'), 'the new confirmation', 45_000);
    const recovered = Date.now() - restarted;
    const everyone = [...before, 'after-crash@example.org'];
    await waitFor(() => everyone.every((email) => relay.messages.some((m) => m.to === email)), 'every confirmation', 20_000);

    const copies = everyone.map((email) => relay.messages.filter((m) => m.to === email).length);
    const figures = report('worker killed mid petitions.mail', {
      acknowledged: everyone.length,
      delivered: copies.filter((n) => n > 0).length,
      lost: copies.filter((n) => n === 0).length,
      duplicated: copies.filter((n) => n > 1).length,
      secondsToRecover: seconds(recovered),
    });
    expect(figures).toMatchObject({ acknowledged: 21, delivered: 21, lost: 0, duplicated: 0 });
    expect(recovered).toBeLessThan(30_000);
    expect(await db.signature.count({ where: { petitionId: petition.id, mailPending: true } })).toBe(0);
  }, 150_000); // child processes killed and restarted: slow on a busy machine, and no timing is asserted here
});
