import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, waitFor, type Relay } from './helpers/relay';

// Organizers can see mail that is stuck or failed, and why, in the console (mail health page):
// this is its query, on real mail that a real relay refused.
const relay: Relay = await startRelay();
process.env.SMTP_URL = relay.url;
process.env.MAIL_FROM = 'Dauys <no-reply@dauys.test>';
process.env.MAIL_RETRY_DELAY_SECONDS = '30';
process.env.MAIL_SEND_TIMEOUT_SECONDS = '5';

const { db } = await import('@/lib/db');
const { sendMail } = await import('@/lib/mailer');
const { findMailHealth, maskAddress } = await import('@/lib/mailer/mail-health');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { getTranslator } = await import('@/lib/i18n/translator');

beforeAll(() => registerWorkers());
afterAll(async () => {
  await unregisterWorkers();
  await relay.stop();
  await db.$disconnect();
});

describe('the mail health query', () => {
  it('lists stuck mail with its last error and next try, and failed mail with the server reply, addresses masked or dropped', async () => {
    relay.setReplyRule((address) => {
      if (address === 'greylisted@example.org') return { code: 451, text: '4.7.1 <greylisted@example.org>: greylisted, come back later' };
      if (address === 'nobody@example.org') return { code: 550, text: '5.1.1 <nobody@example.org>: no such user' };
      return null;
    });
    const { outboundMailId: stuck } = await sendMail({ to: 'greylisted@example.org', locale: 'en', template: 'test-message', props: {} });
    const { outboundMailId: failed } = await sendMail({ to: 'nobody@example.org', locale: 'en', template: 'test-message', props: {} });
    const { outboundMailId: sent } = await sendMail({ to: 'fine@example.org', locale: 'en', template: 'test-message', props: {} });
    await waitFor(
      async () => (await db.outboundMail.count({ where: { id: { in: [stuck, failed, sent] }, lastError: { not: null } } })) === 2,
      'two failures',
    );
    await waitFor(async () => (await db.outboundMail.findUniqueOrThrow({ where: { id: sent } })).status === 'SENT', 'the fine one');

    // The failed attempt is written before the queue schedules its retry: wait for both.
    await waitFor(async () => (await findMailHealth({ stuckAfterMs: 0 })).stuck[0]?.nextAttemptAt != null, 'the retry scheduled');
    const health = await findMailHealth({ stuckAfterMs: 0 });
    expect(health.counts).toEqual({ waiting: 1, stuck: 1, failed: 1, uncertain: 0, sentLastDay: 1 });
    expect(health.stuck).toEqual([
      expect.objectContaining({
        id: stuck,
        to: 'g***@e***.org',
        status: 'PENDING',
        attempts: 1,
        template: 'test-message',
        reason: '451 4.7.1 <address>: greylisted, come back later',
      }),
    ]);
    expect(health.stuck[0]!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(health.stuck[0]!.lastAttemptAt).toBeInstanceOf(Date);
    expect(health.failed).toEqual([
      expect.objectContaining({
        id: failed,
        to: 'n***@e***.org',
        status: 'FAILED',
        attempts: 1,
        reason: '550 5.1.1 <address>: no such user',
        nextAttemptAt: null,
      }),
    ]);
    expect(JSON.stringify(health)).not.toMatch(/greylisted@|nobody@|fine@/);
    // Nor are they kept at rest: the replies were stored without them.
    const stored = await db.$queryRaw<{ row: string }[]>`SELECT m::text AS row FROM "OutboundMail" m`;
    expect(stored.map((row) => row.row).join('\n')).not.toMatch(/greylisted@|nobody@|fine@/);

    // Not stuck yet under the page's own threshold (5 minutes).
    expect((await findMailHealth()).stuck).toEqual([]);
  });

  it('masks every address the same way', () => {
    expect(maskAddress('aigerim@mail.example.kz')).toBe('a***@m***.kz');
    expect(maskAddress('x@localhost')).toBe('x***@l***');
  });
});

describe('the mail health page', () => {
  it.each(['kk', 'ru', 'en'])('has every string in %s, with the plural forms the figures need', (locale) => {
    const t = getTranslator(locale, 'console');
    const keys = [
      'title',
      'summary.label',
      'summary.waiting',
      'summary.sent',
      'stuckTitle',
      'stuckEmpty',
      'failedTitle',
      'statusHelp.UNCERTAIN',
      'notScheduled',
    ] as const;
    for (const key of keys) expect(t(`mailHealth.${key}`)).not.toBe('');
    for (const count of [1, 2, 5, 72, 1.5]) {
      const values = { minutes: count, days: count, hours: count, count };
      for (const key of [
        'intro',
        'summary.stuck',
        'summary.failed',
        'summary.uncertain',
        'stuckHelp',
        'failedEmpty',
        'statusHelp.FAILED',
        'showing',
      ] as const) {
        expect(t(`mailHealth.${key}`, values)).toMatch(/^[^{}]+$/);
      }
    }
    for (const status of ['PENDING', 'FAILED', 'UNCERTAIN'] as const) expect(t(`mailHealth.statuses.${status}`)).not.toBe('');
    for (const column of ['queued', 'to', 'message', 'status', 'tries', 'lastTry', 'nextTry', 'reason'] as const)
      expect(t(`mailHealth.columns.${column}`)).not.toBe('');
    expect(t('nav.mailHealth')).not.toBe('');
  });
});
