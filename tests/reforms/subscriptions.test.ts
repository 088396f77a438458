import { emailIndexOf, outboxTo, sealedSupporter, sealedSigner } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';

process.env.APP_URL = 'https://dauys.test';
const { db } = await import('@/lib/db');
const { stopWorkers } = await import('@/lib/queue');
const { requestReformAlerts } = await import('@/lib/reforms/subscribe');
const { confirmSubscription, findSubscriptionByToken } = await import('@/lib/reforms/confirm-subscription');
const { followReformForSupporter } = await import('@/lib/reforms/follow-reform');
const { prepareFanOut } = await import('@/lib/reforms/fan-out');
const { isAppError } = await import('@/lib/errors');
const { createReform } = await import('./helpers/fixtures');

afterAll(async () => {
  await stopWorkers({ graceful: false });
  await db.$disconnect();
});

/** The token of the newest confirmation mail to `email`, read from its outbox row as the mail shows it. */
async function tokenFromMail(email: string): Promise<string> {
  const [mail] = await outboxTo(email, { template: 'reform-subscription-confirm' });
  if (!mail) throw new Error(`no confirmation mail to ${email}`);
  const url = new URL((mail.payload as { props: { confirmUrl: string } }).props.confirmUrl);
  return url.searchParams.get('token')!;
}

const base = { consent: 'on' as const, website: '' };

describe('double opt-in', () => {
  it('subscribes only when the mailed link is confirmed by POST, never by opening it', async () => {
    const reform = await createReform('opt-in');
    await requestReformAlerts({ ...base, email: ' Aigerim@Example.org ', locale: 'kk', scope: reform.id, frequency: 'EACH' });
    const subscription = await db.reformSubscription.findFirstOrThrow({
      where: { supporter: { emailIndex: await emailIndexOf('aigerim@example.org') } },
    });
    expect(subscription).toMatchObject({ status: 'PENDING', locale: 'kk', frequency: 'EACH', reformId: reform.id, confirmedAt: null });
    const mail = (await outboxTo('aigerim@example.org'))[0]!;
    expect(mail).toMatchObject({ template: 'reform-subscription-confirm', locale: 'kk', topic: null });
    expect(mail.subject).toBe('Электрондық поштаңызды растаңыз'); // discreet mail, the default

    const token = await tokenFromMail('aigerim@example.org');
    // Opening the link (what a mail scanner does) only reads.
    expect(await findSubscriptionByToken(token)).toMatchObject({ isConfirmed: false, frequency: 'EACH' });
    expect((await db.reformSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe('PENDING');

    // Pending subscribers are not in a fan-out.
    const stage = await db.reformStage.create({
      data: { reformId: reform.id, stage: 'DRAFTED', occurredOn: new Date('2025-01-10'), note: {} },
    });
    expect(await prepareFanOut(stage)).toBe(0);

    await confirmSubscription(token);
    await confirmSubscription(token); // a double click changes nothing
    const confirmed = await db.reformSubscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.confirmedAt).not.toBeNull();
    expect(await db.consent.count({ where: { supporterId: confirmed.supporterId, purpose: 'reform-alerts' } })).toBe(1);
  });

  it('refuses a wrong or tampered token, and a reform that does not exist', async () => {
    await expect(confirmSubscription('x'.repeat(43))).rejects.toSatisfy((e) => isAppError(e, 'INVALID'));
    expect(await findSubscriptionByToken('short')).toBeNull();
    await expect(
      requestReformAlerts({ ...base, email: 'nobody@example.org', locale: 'ru', scope: 'doesnotexist', frequency: 'EACH' }),
    ).rejects.toSatisfy((e) => isAppError(e, 'INVALID'));
    expect(await db.supporter.count({ where: { emailIndex: await emailIndexOf('nobody@example.org') } })).toBe(0);
  });

  it('a request for a confirmed subscription changes nothing until its owner confirms', async () => {
    await requestReformAlerts({ ...base, email: 'dana@example.org', locale: 'ru', scope: 'all', frequency: 'EACH' });
    await confirmSubscription(await tokenFromMail('dana@example.org'));
    // Someone else types Dana's address and asks for a weekly digest in English.
    await requestReformAlerts({ ...base, email: 'dana@example.org', locale: 'en', scope: 'all', frequency: 'WEEKLY' });
    const row = await db.reformSubscription.findFirstOrThrow({
      where: { supporter: { emailIndex: await emailIndexOf('dana@example.org') } },
    });
    expect(row).toMatchObject({
      status: 'CONFIRMED',
      locale: 'ru',
      frequency: 'EACH',
      pendingLocale: 'en',
      pendingFrequency: 'WEEKLY',
      reformId: null,
      scopeKey: 'all',
    });
    expect((await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('dana@example.org') } })).locale).toBe('ru');
    await confirmSubscription(await tokenFromMail('dana@example.org'));
    expect(await db.reformSubscription.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      locale: 'en',
      frequency: 'WEEKLY',
      pendingLocale: null,
    });
    expect(await db.reformSubscription.count({ where: { supporter: { emailIndex: await emailIndexOf('dana@example.org') } } })).toBe(1);
  });

  it('confirming again lifts an earlier unsubscribe from the same topic', async () => {
    const reform = await createReform('come-back');
    await requestReformAlerts({ ...base, email: 'back@example.org', locale: 'en', scope: reform.id, frequency: 'EACH' });
    const supporter = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('back@example.org') } });
    await db.unsubscribe.create({ data: { supporterId: supporter.id, topic: `reform-${reform.id}` } });
    await confirmSubscription(await tokenFromMail('back@example.org'));
    expect(await db.unsubscribe.count({ where: { supporterId: supporter.id } })).toBe(0);
  });
});

describe('followReformForSupporter (one click from a signature confirmation page)', () => {
  it('follows at once for a confirmed signer who opted in to updates, and only for them', async () => {
    const reform = await createReform('follow');
    const petition = await db.petition.create({
      data: { slug: 'follow-petition', title: {}, summary: {}, body: {}, addressee: {}, goal: 10, milestones: [], status: 'OPEN' },
    });
    const sign = async (email: string, wantsUpdates: boolean, status: 'CONFIRMED' | 'PENDING') => {
      const supporter = await db.supporter.create({ data: { ...(await sealedSupporter(email)), locale: 'kk' } });
      await db.signature.create({
        data: {
          petitionId: petition.id,
          supporterId: supporter.id,
          ...(await sealedSigner(email, 'Test Person')),
          region: 'ALMATY',
          locale: 'kk',
          wantsUpdates,
          status,
          consentVersion: 't',
        },
      });
      return supporter.id;
    };
    const signer = await sign('signer@example.org', true, 'CONFIRMED');
    expect(await followReformForSupporter(signer, reform.id)).toBe('followed');
    expect(await followReformForSupporter(signer, reform.id)).toBe('alreadyFollowing');
    expect(await db.reformSubscription.findFirstOrThrow({ where: { supporterId: signer } })).toMatchObject({
      status: 'CONFIRMED',
      frequency: 'EACH',
      locale: 'kk',
      reformId: reform.id,
      source: 'petition',
    });

    for (const [email, updates, status] of [
      ['quiet@example.org', false, 'CONFIRMED'],
      ['unconfirmed@example.org', true, 'PENDING'],
    ] as const) {
      const id = await sign(email, updates, status);
      await expect(followReformForSupporter(id, reform.id)).rejects.toSatisfy((e) => isAppError(e, 'FORBIDDEN'));
      expect(await db.reformSubscription.count({ where: { supporterId: id } })).toBe(0);
    }
  });
});
