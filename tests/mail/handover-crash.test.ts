import { afterAll, describe, expect, it } from 'vitest';
import { report, seconds } from './helpers/fixtures';
import { startRelay, waitFor, type Relay } from './helpers/relay';
import { applyFastMailSettings, WorkerFleet } from './helpers/worker-process';

// A worker SIGKILLed in the middle of a delivery, on either side of the point of no return:
// - at RCPT TO (nothing delivered): the mail must go out after the restart, once, within seconds;
// - after the relay accepted the message, before the worker recorded it: it must not go out again
//   (it is UNCERTAIN, and organizers see it), see docs/decisions/0004-mail-outbox-and-queue.md.
const killed = new Set<string>();
const killOnce = async (address: string) => {
  if (killed.has(address)) return;
  killed.add(address);
  await workers.current?.kill();
};
const relay: Relay = await startRelay({
  onRecipient: (address) => (address === 'kill-at-rcpt@example.org' ? killOnce(address) : undefined),
  onMessage: (message) => (message.to === 'kill-after-accept@example.org' ? killOnce(message.to) : undefined),
});
applyFastMailSettings(relay.url);

const { db } = await import('@/lib/db');
const { sendMail } = await import('@/lib/mailer');
const { stopWorkers } = await import('@/lib/queue');

const workers = new WorkerFleet(() => ({}));

afterAll(async () => {
  await workers.killAll();
  await stopWorkers({ graceful: false });
  await relay.stop();
  await db.$disconnect();
});

const sendTest = (to: string) => sendMail({ to, locale: 'en', template: 'test-message', props: {} });
const copiesOf = (id: string) => relay.messages.filter((m) => m.messageId === `<${id}@dauys.test>`).length;

describe('a worker killed mid-delivery', () => {
  it('resends what the relay never took, never what it took: 0 duplicates, the unrecorded one UNCERTAIN', async () => {
    const first = workers.start();
    await first.ready;
    const { outboundMailId: atRcpt } = await sendTest('kill-at-rcpt@example.org');
    await first.exited;

    const second = workers.start();
    const restarted = Date.now();
    await second.ready;
    const { outboundMailId: afterAccept } = await sendTest('kill-after-accept@example.org');
    await second.exited;
    await waitFor(() => copiesOf(afterAccept) === 1, 'the relay to have taken the message');

    const third = workers.start();
    await third.ready;
    await waitFor(
      async () => (await db.outboundMail.findUniqueOrThrow({ where: { id: atRcpt } })).status === 'SENT',
      'the mail killed at RCPT TO to be sent',
      40_000,
    );
    const recovered = Date.now() - restarted;
    const uncertain = await waitFor(
      async () => {
        const row = await db.outboundMail.findUniqueOrThrow({ where: { id: afterAccept } });
        return row.status === 'UNCERTAIN' ? row : null;
      },
      'the accepted, unrecorded mail to be settled',
      40_000,
    );
    expect(uncertain.lastError).toMatch(/^uncertain: the message was handed to the SMTP server/);
    expect(uncertain.payloadSealed).toBeNull();

    // Nothing is resent later either (two more sweeps' worth of retries).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const figures = report('worker killed mid-delivery', {
      acknowledged: 2,
      delivered: [atRcpt, afterAccept].filter((id) => copiesOf(id) > 0).length,
      lost: [atRcpt, afterAccept].filter((id) => copiesOf(id) === 0).length,
      duplicated: [atRcpt, afterAccept].filter((id) => copiesOf(id) > 1).length,
      uncertain: 1,
      secondsToResend: seconds(recovered),
    });
    expect(figures).toMatchObject({ acknowledged: 2, delivered: 2, lost: 0, duplicated: 0 });
    expect(copiesOf(atRcpt)).toBe(1);
    expect(copiesOf(afterAccept)).toBe(1);

    const { findMailHealth } = await import('@/lib/mailer/mail-health');
    const health = await findMailHealth();
    expect(health.counts.uncertain).toBe(1);
    expect(health.failed).toEqual([expect.objectContaining({ id: afterAccept, status: 'UNCERTAIN', to: 'k***@e***.org' })]);
  }, 150_000); // child processes killed and restarted: slow on a busy machine, and no timing is asserted here
});
