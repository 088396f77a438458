import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, waitFor, type Relay } from '../mail/helpers/relay';

// Every job's data is checked against its definition's payload schema before the handler runs
// (lib/jobs/define-job.ts). A job that does not match fails at once, recorded by pg-boss, and the
// worker goes on with the rest of the batch and the jobs after it.
const relay: Relay = await startRelay();
process.env.SMTP_URL = relay.url;
process.env.MAIL_FROM = 'Dauys <no-reply@dauys.test>';
process.env.APP_URL = 'https://dauys.test';

const { db } = await import('@/lib/db');
const { sendMail, sendMails } = await import('@/lib/mailer');
const { getQueue } = await import('@/lib/queue');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');

beforeAll(() => registerWorkers());
afterAll(async () => {
  await unregisterWorkers();
  await relay.stop();
  await db.$disconnect();
});

const message = (to: string) => ({ to, locale: 'en' as const, template: 'test-message' as const, props: {} });

async function jobOf(name: string, id: string) {
  const boss = await getQueue();
  const [job] = await boss.findJobs<unknown>(name, { id });
  return job;
}

async function settled(name: string, id: string) {
  return waitFor(async () => {
    const job = await jobOf(name, id);
    return job && (job.state === 'completed' || job.state === 'failed') ? job : null;
  }, `job ${id} of ${name} settled`);
}

describe('a job whose data does not match its schema', () => {
  it('fails without retries in a mail.send batch; the mails beside it and after it are delivered', async () => {
    const boss = await getQueue();
    // Written straight through pg-boss, as a bug or an old deploy could: enqueue() would not compile it.
    const invalidId = randomUUID();
    await boss.insert('mail.send', [{ id: invalidId, data: { outboundMailId: 42, message: { to: 'nobody@example.org' } }, retryLimit: 5 }]);
    const beside = await sendMails([message('beside-1@example.org'), message('beside-2@example.org')]);

    const invalid = await settled('mail.send', invalidId);
    expect(invalid).toMatchObject({ state: 'failed', retryCount: 0 });
    expect(JSON.stringify(invalid.output)).toMatch(/invalid payload/);
    await waitFor(
      async () => (await db.outboundMail.count({ where: { id: { in: beside.map((mail) => mail.outboundMailId) }, status: 'SENT' } })) === 2,
      'the valid mails sent',
    );

    const { outboundMailId: after } = await sendMail(message('after@example.org'));
    await waitFor(async () => (await db.outboundMail.findUniqueOrThrow({ where: { id: after } })).status === 'SENT', 'the next mail sent');
    expect(relay.messages.map((sent) => sent.to).sort()).toEqual(['after@example.org', 'beside-1@example.org', 'beside-2@example.org']);
  });

  it('fails a petitions.notify job for good, and the queue takes the next one', async () => {
    const boss = await getQueue();
    const invalidId = await boss.send('petitions.notify', { petitionId: 'p1', kind: 'anniversary' });
    const invalid = await settled('petitions.notify', invalidId!);
    expect(invalid).toMatchObject({ state: 'failed', retryCount: 0 });
    expect(JSON.stringify(invalid.output)).toMatch(/kind/);

    // A valid job for a petition that does not exist: handled, nothing to mail.
    const validId = await boss.send('petitions.notify', { petitionId: 'no-such-petition', kind: 'handover' });
    expect(await settled('petitions.notify', validId!)).toMatchObject({ state: 'completed' });
  });
});
