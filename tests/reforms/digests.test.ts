import { outboxTo } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';

process.env.APP_URL = 'https://dauys.test';
const { db } = await import('@/lib/db');
const { stopWorkers } = await import('@/lib/queue');
const { sendWeeklyDigests } = await import('@/lib/reforms/send-digests');
const { addSubscribers, createReform } = await import('./helpers/fixtures');

afterAll(async () => {
  await stopWorkers({ graceful: false });
  await db.$disconnect();
});

const note = (text: string) => ({ kk: `${text} kk`, ru: `${text} ru`, en: `${text} en` });
const stageAt = (reformId: string, stage: 'PROPOSED' | 'DRAFTED' | 'SENATE' | 'SIGNED', day: string, recordedAt: Date) =>
  db.reformStage.create({ data: { reformId, stage, occurredOn: new Date(day), note: note(stage), createdAt: recordedAt } });
const digestItems = async (email: string) => {
  const mails = (await outboxTo(email, { template: 'reform-digest' })).reverse();
  return mails.map((m) => ({
    topic: m.topic,
    locale: m.locale,
    items: (m.payload as { props: { items: { stage: string; reformTitle: string }[] } }).props.items,
  }));
};

describe('the weekly digest', () => {
  it('gathers, per weekly subscriber, the stages recorded since their last digest, once per week', async () => {
    // The test's own clock, passed to every call that asks the time. Wednesday noon in Kazakhstan:
    // an hour later is still the same digest week, whatever the real day and hour.
    const now = new Date('2026-11-25T07:00:00Z');
    const hoursLater = (h: number) => new Date(now.getTime() + h * 3600_000);
    const hoursAgo = (h: number) => hoursLater(-h);
    const followed = await createReform('digest-a');
    const other = await createReform('digest-b');
    // Weekly on reform A (confirmed 10 days ago), weekly on all reforms, and an EACH follower of A.
    await addSubscribers({ prefix: 'wa', count: 1, reformId: followed.id, frequency: 'WEEKLY', confirmedAgoSeconds: 10 * 24 * 3600, now });
    await addSubscribers({ prefix: 'wall', count: 1, reformId: null, frequency: 'WEEKLY', confirmedAgoSeconds: 10 * 24 * 3600, now });
    await addSubscribers({ prefix: 'each', count: 1, reformId: followed.id, frequency: 'EACH', confirmedAgoSeconds: 10 * 24 * 3600, now });
    // Weekly on all, but also every update on A: A's stages came already, one by one.
    await addSubscribers({ prefix: 'mixed', count: 1, reformId: null, frequency: 'WEEKLY', confirmedAgoSeconds: 10 * 24 * 3600, now });
    await addSubscribers({ prefix: 'mixed', count: 1, reformId: followed.id, frequency: 'EACH', confirmedAgoSeconds: 10 * 24 * 3600, now });
    // Confirmed after the first stages were recorded: only later ones.
    await addSubscribers({ prefix: 'late', count: 1, reformId: followed.id, frequency: 'WEEKLY', confirmedAgoSeconds: 24 * 3600, now });

    const old = await stageAt(followed.id, 'PROPOSED', '2023-03-01', hoursAgo(15 * 24)); // before anyone subscribed
    const a1 = await stageAt(followed.id, 'DRAFTED', '2025-05-01', hoursAgo(48));
    const b1 = await stageAt(other.id, 'SENATE', '2025-06-01', hoursAgo(30));
    const a2 = await stageAt(followed.id, 'SENATE', '2025-06-20', hoursAgo(2));
    await db.reformAlert.createMany({
      data: [a1, a2].map((s) => ({
        stageId: s.id,
        supporterId: 'mixed-1',
        subscriptionId: 'sub-mixed-1-' + followed.id,
        status: 'QUEUED' as const,
      })),
    });

    const first = await sendWeeklyDigests(now);
    expect(first).toMatchObject({ sent: 4, empty: 0, suppressed: 0 });
    const stagesOf = async (email: string) => (await digestItems(email)).map((d) => d.items.map((i) => i.stage));
    expect(await stagesOf('wa-1@example.org')).toEqual([['DRAFTED', 'SENATE']]);
    expect(await stagesOf('wall-1@example.org')).toEqual([['DRAFTED', 'SENATE', 'SENATE']]);
    expect(await stagesOf('mixed-1@example.org')).toEqual([['SENATE']]); // only B's
    expect(await stagesOf('late-1@example.org')).toEqual([['SENATE']]); // only a2
    expect(await stagesOf('each-1@example.org')).toEqual([]);
    expect(old.id).toBeTruthy();
    // Topic: the one reform of a single-reform subscriber, "reforms" for everyone else; language of the subscription.
    expect((await digestItems('wa-1@example.org'))[0]).toMatchObject({ topic: `reform-${followed.id}`, locale: 'ru' });
    expect((await digestItems('wall-1@example.org'))[0]).toMatchObject({ topic: 'reforms' });
    expect((await digestItems('wa-1@example.org'))[0]!.items[0]!.reformTitle).toBe('Закон digest-a');

    // The same week again (a retried job, a second worker): nothing more.
    expect(await sendWeeklyDigests(hoursLater(1))).toMatchObject({ sent: 0 });
    expect(await db.outboundMail.count({ where: { template: 'reform-digest' } })).toBe(4);

    // Next week: only what was recorded since; an unsubscribed person gets nothing.
    await stageAt(followed.id, 'SIGNED', '2025-07-16', hoursLater(3 * 24));
    await db.unsubscribe.create({ data: { supporterId: 'wall-1', topic: 'reforms' } });
    const next = await sendWeeklyDigests(hoursLater(7 * 24));
    // mixed-1 was not mailed SIGNED on its own here (no ledger row), so the digest carries it.
    expect(next).toMatchObject({ sent: 3, suppressed: 1 });
    expect(await stagesOf('mixed-1@example.org')).toEqual([['SENATE'], ['SIGNED']]);
    expect(await stagesOf('wa-1@example.org')).toEqual([['DRAFTED', 'SENATE'], ['SIGNED']]);
    expect(await stagesOf('late-1@example.org')).toEqual([['SENATE'], ['SIGNED']]);
    expect((await stagesOf('wall-1@example.org')).length).toBe(1);
    expect(b1.id).toBeTruthy();
  });
});
