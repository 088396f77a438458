import { afterAll, describe, expect, it } from 'vitest';
import { parseMasterKey } from '@/lib/security/keyring';
import { startSmtpCatcher } from '@/scripts/lib/smtp-catcher';
import { TEST_MASTER_KEY } from '@/tests/support/test-master-key';
import { waitFor } from './helpers/relay';

// Issue 16: a dump of the database must not betray who was mailed. A mail leaves three rows behind:
// its outbox row, its pg-boss job (in the queue's own schema) and, on the demo, the caught copy.
// Each is read here as PostgreSQL holds it, whole row as text, before and after delivery.
const catcher = await startSmtpCatcher({ port: 0, databaseUrl: process.env.DATABASE_URL!, masterKey: parseMasterKey(TEST_MASTER_KEY) });
process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
process.env.MAIL_FROM = 'Dauys <no-reply@dauys.test>';
process.env.APP_URL = 'https://dauys.test';

const { db } = await import('@/lib/db');
const { sendMail } = await import('@/lib/mailer');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { findCaughtMailById, findLatestCaughtMail } = await import('@/lib/mailbox/queries');
const { QUEUE_SCHEMA } = await import('@/lib/queue');
const { sealedSupporter } = await import('@/tests/support/personal-data');

afterAll(async () => {
  await unregisterWorkers();
  await catcher.stop();
  await db.$disconnect();
});

const person = { email: 'Zarina.Abenova+petition@example.kz', name: 'Zarina Abenova' };
/** Any trace of the person: the address (any case, or its name part alone) and either name. */
const TRACES = /zarina|abenova|@example\.kz/i;

async function rowsAsText(outboundMailId: string) {
  const text = async (rows: Promise<{ row: string }[]>) => (await rows).map((r) => r.row);
  return {
    outbox: await text(db.$queryRaw`SELECT m::text AS row FROM "OutboundMail" m WHERE id = ${outboundMailId}`),
    jobs: await text(db.$queryRawUnsafe(`SELECT j::text AS row FROM ${QUEUE_SCHEMA}.job j WHERE j.name = 'mail.send'`)),
    caught: await text(db.$queryRaw`SELECT c::text AS row FROM "CaughtMail" c`),
  };
}

describe('a sent mail at rest', () => {
  it('leaves no address, name or body in the clear in the outbox, the queue or the caught mail', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter(person.email, person.name)), locale: 'kk' } });
    const { outboundMailId } = await sendMail({
      to: person.email,
      supporterId: supporter.id,
      locale: 'kk',
      template: 'test-message',
      props: { requestedBy: person.name },
    });

    // Queued: the outbox keeps the payload (to render again) and the job carries the whole message.
    const queued = await rowsAsText(outboundMailId);
    expect(queued.outbox).toHaveLength(1);
    expect(queued.outbox[0]).toMatch(/v1\.\d+\./);
    expect(queued.jobs).toHaveLength(1);
    expect(queued.jobs[0]).toContain(outboundMailId);
    // The message is deflated before it is sealed: ciphertext does not compress, so the queue kept 9 KB a mail.
    expect(queued.jobs[0]).toMatch(/sealedMessage\W+v1z\.\d+\./);
    for (const row of [...queued.outbox, ...queued.jobs]) expect(row).not.toMatch(TRACES);

    await registerWorkers();
    const caught = await waitFor(async () => (await findLatestCaughtMail())[0], 'the mail to be caught');
    await waitFor(async () => (await db.outboundMail.findUniqueOrThrow({ where: { id: outboundMailId } })).status === 'SENT', 'SENT');

    // Delivered as written: the person is in the mail, so the rows below had something to hide.
    const opened = (await findCaughtMailById(caught.id))!;
    expect(opened.to).toEqual([person.email]);
    expect(opened.text).toContain(person.name);
    expect(opened.raw).toContain(person.email);

    const sent = await rowsAsText(outboundMailId);
    expect(sent.outbox).toHaveLength(1);
    expect(sent.jobs).toHaveLength(1);
    expect(sent.caught).toHaveLength(1);
    expect(sent.caught[0]).toMatch(/,v1z\.\d+\./);
    for (const row of [...sent.outbox, ...sent.jobs, ...sent.caught]) expect(row).not.toMatch(TRACES);
  });
});
