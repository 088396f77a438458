import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report, seconds } from './helpers/fixtures';
import { startRelay, waitFor, type Relay } from './helpers/relay';
import { applyFastMailSettings } from './helpers/worker-process';

// Finding: after five retries a mail was FAILED and never tried again, so a relay answering 451 for
// ~15 minutes lost the confirmations sent in that window. A temporary answer must be retried for as
// long as a mail server would (MAIL_RETRY_FOR_HOURS, 72 h by default) and only a 5xx ends a mail.
// Here retries come every ~1 s (MAIL_RETRY_MAX_DELAY_SECONDS=1) so that "more than five retries"
// takes seconds, not the hours it takes with production's back-off.
const relay: Relay = await startRelay();
applyFastMailSettings(relay.url, { MAIL_RETRY_MAX_DELAY_SECONDS: '1', MAIL_RETRY_FOR_HOURS: '72' });

const { db } = await import('@/lib/db');
const { sendMail, sendMails, requeueStalledMail } = await import('@/lib/mailer');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { openedOutbox, sealedSupporter } = await import('@/tests/support/personal-data');

beforeAll(() => registerWorkers());
afterAll(async () => {
  await unregisterWorkers();
  await relay.stop();
  await db.$disconnect();
});

const message = (to: string) => ({ to, locale: 'en' as const, template: 'test-message' as const, props: {} });
const rows = async (ids: string[]) => (await openedOutbox({ id: { in: ids } })).sort((a, b) => a.toAddress.localeCompare(b.toAddress));

describe('a relay answering 451 for a long time', () => {
  it('keeps trying past five retries (at the recipient and at the end of the message) and delivers every mail once it accepts', async () => {
    relay.setReplyRule((address) => (address.startsWith('window-') ? 451 : null));
    const started = Date.now();
    const queued = await sendMails(Array.from({ length: 10 }, (_, index) => message(`window-${index}@example.org`)));
    const ids = queued.map((mail) => mail.outboundMailId);

    // Refused at RCPT TO, then after the whole message went out (the answer to its final ".").
    await waitFor(async () => (await rows(ids)).every((row) => row.attempts >= 4), 'four tries each', 25_000);
    relay.setReplyRule((address, stage) => (address.startsWith('window-') && stage === 'data' ? 451 : null));
    await waitFor(async () => (await rows(ids)).every((row) => row.attempts >= 7), 'seven tries each', 25_000);
    // Between tries every row is owed again with its handover released; one read can catch a row mid-try.
    const during = await waitFor(async () => {
      const now = await rows(ids);
      return now.every((row) => row.handedToSmtpAt === null) ? now : null;
    }, 'every mail between tries');
    expect(during.every((row) => row.status === 'PENDING')).toBe(true);
    expect(during.every((row) => /451/.test(row.lastError ?? ''))).toBe(true);
    expect(relay.messages.filter((m) => m.to.startsWith('window-'))).toHaveLength(0);

    relay.setReplyRule(undefined);
    const accepted = Date.now();
    await waitFor(async () => (await rows(ids)).every((row) => row.status === 'SENT'), 'every mail sent', 20_000);
    const perId = relay.deliveriesById();
    const counts = ids.map((id) => perId.get(`<${id}@dauys.test>`) ?? 0);
    const after = await rows(ids);
    const figures = report('451 window', {
      acknowledged: ids.length,
      delivered: counts.filter((n) => n > 0).length,
      lost: counts.filter((n) => n === 0).length,
      duplicated: counts.filter((n) => n > 1).length,
      secondsOf451: seconds(accepted - started),
      fewestTries: Math.min(...after.map((row) => row.attempts)),
      secondsToRecover: seconds(Math.max(...relay.messages.map((m) => m.receivedAt)) - accepted),
    });
    expect(figures).toMatchObject({ acknowledged: 10, delivered: 10, lost: 0, duplicated: 0 });
    expect(figures.fewestTries).toBeGreaterThan(6);
  });

  it('still tries a mail queued 30 hours ago, and gives up only after MAIL_RETRY_FOR_HOURS, with the reason', async () => {
    relay.setReplyRule((address) => (address.startsWith('old-') ? 451 : null));
    const { outboundMailId: dayOld } = await sendMail(message('old-day@example.org'));
    const { outboundMailId: tooOld } = await sendMail(message('old-expired@example.org'));
    await waitFor(async () => (await rows([dayOld, tooOld])).every((row) => row.attempts >= 1), 'a first 451 each');
    await db.outboundMail.update({ where: { id: dayOld }, data: { createdAt: new Date(Date.now() - 30 * 3600_000) } });
    await db.outboundMail.update({ where: { id: tooOld }, data: { createdAt: new Date(Date.now() - 72 * 3600_000 - 60_000) } });

    // The sweeper (every minute) no longer ends mail after 24 hours, only an hour past the window.
    const { outboundMailId: forgotten } = await sendMail(message('old-forgotten@example.org'));
    await waitFor(async () => (await db.outboundMail.findUniqueOrThrow({ where: { id: forgotten } })).attempts >= 1, 'a first 451');
    await db.outboundMail.update({ where: { id: forgotten }, data: { createdAt: new Date(Date.now() - 74 * 3600_000) } });
    await requeueStalledMail();
    expect((await db.outboundMail.findUniqueOrThrow({ where: { id: dayOld } })).status).toBe('PENDING');
    const expired = await db.outboundMail.findUniqueOrThrow({ where: { id: forgotten } });
    expect(expired).toMatchObject({ status: 'FAILED', payloadSealed: null });
    expect(expired.lastError).toMatch(/^expired: not delivered within 72 h; last error: 451/);

    const gaveUp = await waitFor(async () => {
      const row = await db.outboundMail.findUniqueOrThrow({ where: { id: tooOld } });
      return row.status === 'FAILED' ? row : null;
    }, 'the 72-hour-old mail to be given up');
    expect(gaveUp.lastError).toMatch(/^gave up after 72 h of temporary failures: 451/);
    expect(gaveUp.payloadSealed).toBeNull();

    relay.setReplyRule(undefined);
    await waitFor(
      async () => (await db.outboundMail.findUniqueOrThrow({ where: { id: dayOld } })).status === 'SENT',
      'the day-old mail to be sent',
    );
    expect(relay.messages.filter((m) => m.to === 'old-day@example.org')).toHaveLength(1);
    expect(relay.messages.filter((m) => m.to === 'old-expired@example.org')).toHaveLength(0);
  });
});

describe('a permanent answer', () => {
  it('fails the mail at once with the server reply: 550 to the recipient bounces the supporter, 550 to the message does not', async () => {
    const [gone, content] = ['gone@example.org', 'content@example.org'];
    const refusedAddress = await db.supporter.create({ data: { ...(await sealedSupporter(gone)), locale: 'en' } });
    const refusedMessage = await db.supporter.create({ data: { ...(await sealedSupporter(content)), locale: 'en' } });
    relay.setReplyRule((address, stage) => {
      if (address === gone && stage === 'rcpt') return 550;
      if (address === content && stage === 'data') return 554;
      return null;
    });
    const { outboundMailId: a } = await sendMail({ ...message(gone), supporterId: refusedAddress.id });
    const { outboundMailId: b } = await sendMail({ ...message(content), supporterId: refusedMessage.id });

    const [first, second] = await waitFor(async () => {
      const found = await rows([a, b]);
      return found.every((row) => row.status !== 'PENDING') ? found : null;
    }, 'both mails to end');
    // rows() sorts by address: content@ before gone@.
    expect(second).toMatchObject({ status: 'FAILED', attempts: 1, handedToSmtpAt: null, payload: null });
    expect(second!.lastError).toMatch(/^550/);
    expect(first).toMatchObject({ status: 'FAILED', attempts: 1, handedToSmtpAt: null, payload: null });
    expect(first!.lastError).toMatch(/^554/);
    expect((await db.supporter.findUniqueOrThrow({ where: { id: refusedAddress.id } })).bouncedAt).toBeInstanceOf(Date);
    expect((await db.supporter.findUniqueOrThrow({ where: { id: refusedMessage.id } })).bouncedAt).toBeNull();
    relay.setReplyRule(undefined);
  });
});
