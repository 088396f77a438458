import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink, waitFor } from './helpers/smtp-sink';

// lib/env reads the environment once, on first import: configure before importing the app.
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
process.env.MAIL_RETRY_DELAY_SECONDS = '1';
process.env.APP_URL = 'https://dauys.test';

const { db } = await import('@/lib/db');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { recordStage } = await import('@/lib/reforms/record-stage');
const { drainFanOutBatch, prepareFanOut, runFanOut } = await import('@/lib/reforms/fan-out');
const { unsubscribeWithToken } = await import('@/lib/unsubscribe/unsubscribe');
const { createUnsubscribeToken } = await import('@/lib/unsubscribe/tokens');
const { addSubscribers, createOrganizer, createReform, stageInput } = await import('./helpers/fixtures');

await registerWorkers();

afterAll(async () => {
  await unregisterWorkers();
  await sink.close();
  await db.$disconnect();
});

const waitForFanOut = async (stageId: string) => {
  await waitFor(async () => (await db.reformStage.findUniqueOrThrow({ where: { id: stageId } })).fanOutFinishedAt !== null, 'fan-out');
  await waitFor(
    async () => (await db.outboundMail.count({ where: { template: 'reform-alert', status: 'PENDING' } })) === 0,
    'outbox drained',
  );
};

describe('recording a stage', () => {
  it('mails each subscriber who wants every update once, in their language, with one-click unsubscribe', async () => {
    const organizer = await createOrganizer();
    const reform = await createReform('stalking');
    const other = await createReform('other-law');
    await addSubscribers({ prefix: 'one', count: 6, reformId: reform.id });
    await addSubscribers({ prefix: 'all', count: 3, reformId: null });
    await addSubscribers({ prefix: 'both', count: 2, reformId: reform.id });
    await addSubscribers({ prefix: 'both', count: 2, reformId: null });
    await addSubscribers({ prefix: 'weekly', count: 2, reformId: reform.id, frequency: 'WEEKLY' });
    await addSubscribers({ prefix: 'pending', count: 2, reformId: reform.id, confirmed: false });
    await addSubscribers({ prefix: 'elsewhere', count: 2, reformId: other.id });

    const { stageId, isNew } = await recordStage(reform.id, stageInput('PASSED_MAZHILIS', '2025-05-28', 'Passed'), organizer.id);
    expect(isNew).toBe(true);
    await waitForFanOut(stageId);

    const expected = [...[1, 2, 3, 4, 5, 6].map((n) => `one-${n}`), 'all-1', 'all-2', 'all-3', 'both-1', 'both-2'].map(
      (p) => `${p}@example.org`,
    );
    expect(sink.messages.map((m) => m.to).sort()).toEqual(expected.sort());
    expect(await db.reformAlert.count({ where: { stageId, status: 'QUEUED' } })).toBe(expected.length);

    // one-1 has locale ru (n % 3 = 1), one-2 en, one-3 kk.
    // Discreet mail (the default): the subject names neither the reform nor the stage; the body does.
    const ru = await sink.parse(sink.to('one-1@example.org')[0]!);
    expect(ru.subject).toBe('Новости по вашей подписке');
    expect(ru.text).toContain('Закон stalking'.toUpperCase());
    expect(ru.text).toContain('Принят Мажилисом: 28 мая 2025');
    expect(ru.text).toContain('Passed (ru)');
    const en = await sink.parse(sink.to('one-2@example.org')[0]!);
    expect(en.subject).toBe('News you subscribed to');
    expect(en.text).toContain('Passed by the Mazhilis');
    const kk = await sink.parse(sink.to('one-3@example.org')[0]!);
    expect(kk.subject).toBe('Жазылымыңыз бойынша жаңалықтар');
    expect(kk.text).toContain('Мәжіліс қабылдады');
    const header = (name: string) => ru.headerLines.find((h) => h.key === name)?.line;
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toMatch(/<https:\/\/dauys\.test\/api\/unsubscribe\?token=[^>]+>/);

    const audit = await db.auditLog.findFirst({ where: { action: 'reform.stage.record', subjectId: stageId } });
    expect(audit?.actorId).toBe(organizer.id);
    expect((await db.reform.findUniqueOrThrow({ where: { id: reform.id } })).currentStage).toBe('PASSED_MAZHILIS');
  });

  it('saved twice, even at the same moment, records one stage and sends once', async () => {
    const organizer = await createOrganizer();
    const reform = await createReform('twice');
    await addSubscribers({ prefix: 'twice', count: 25, reformId: reform.id });
    const before = sink.messages.length;

    const input = stageInput('SENATE', '2025-06-20');
    const results = await Promise.all([recordStage(reform.id, input, organizer.id), recordStage(reform.id, input, organizer.id)]);
    const again = await recordStage(reform.id, input, organizer.id);
    expect(new Set([...results, again].map((r) => r.stageId)).size).toBe(1);
    expect([...results, again].filter((r) => r.isNew)).toHaveLength(1);
    await waitForFanOut(again.stageId);
    // A second run of the fan-out (a duplicate job, a restart) adds nothing either.
    await runFanOut(again.stageId);

    expect(await db.reformStage.count({ where: { reformId: reform.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'reform.stage.record', subjectId: again.stageId } })).toBe(1);
    // The 25 followers of this reform, and the 5 of "all reforms" from the first test, once each.
    const received = sink.messages.slice(before).map((m) => m.to);
    expect(received.filter((to) => to.startsWith('twice-'))).toHaveLength(25);
    expect(received).toHaveLength(30);
    expect(new Set(received).size).toBe(30);
  });

  it('honours an unsubscribe made while the fan-out runs, for every mail not sent yet', async () => {
    const reform = await createReform('midway');
    await addSubscribers({ prefix: 'mid', count: 250, reformId: reform.id });
    const before = sink.messages.length;
    // Workers stopped: this test drives the fan-out step by step (no nudge, no minute tick).
    await unregisterWorkers();
    const stage = await db.reformStage.create({
      data: {
        reformId: reform.id,
        stage: 'SIGNED',
        occurredOn: new Date('2025-07-16'),
        note: { kk: 'қол қойылды', ru: 'подписан', en: 'signed' },
      },
      include: { reform: { select: { slug: true, title: true } } },
    });
    expect(await prepareFanOut(stage)).toBe(250 + 5); // + the 5 followers of all reforms
    expect(await drainFanOutBatch(stage)).toBe(100);

    // Ten people not reached yet unsubscribe with their token (as from a mail's List-Unsubscribe)…
    const waiting = await db.reformAlert.findMany({ where: { stageId: stage.id, status: 'PENDING' }, take: 10, orderBy: { id: 'desc' } });
    for (const alert of waiting) {
      await unsubscribeWithToken(createUnsubscribeToken({ supporterId: alert.supporterId, topic: `reform-${reform.id}` }));
    }
    // …and one whose alert is already in the outbox, not yet at SMTP, is stopped by the mailer.
    const inOutbox = await db.reformAlert.findFirstOrThrow({ where: { stageId: stage.id, status: 'QUEUED' }, orderBy: { id: 'desc' } });
    await unsubscribeWithToken(createUnsubscribeToken({ supporterId: inOutbox.supporterId, topic: `reform-${reform.id}` }));

    await registerWorkers();
    await runFanOut(stage.id);
    await waitForFanOut(stage.id);

    const received = new Set(sink.messages.slice(before).map((m) => m.to));
    expect(received.size).toBe(255 - 11);
    expect(sink.messages.length - before).toBe(255 - 11);
    for (const alert of waiting) {
      expect(await db.reformAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
        status: 'SKIPPED',
        skipReason: 'unsubscribed',
      });
      expect(received.has(`${alert.supporterId}@example.org`)).toBe(false);
    }
    expect(received.has(`${inOutbox.supporterId}@example.org`)).toBe(false);
    expect(await db.outboundMail.findUniqueOrThrow({ where: { id: inOutbox.outboundMailId! } })).toMatchObject({ status: 'SKIPPED' });
  });
});
