import { afterAll, describe, expect, it } from 'vitest';

// This deployment's default is "not discreet", so what an admin stores is seen to win over it.
// lib/env reads the environment once, on first import: configure before importing the app.
process.env.DAUYS_DISCREET_MAIL = 'false';

const { db } = await import('@/lib/db');
const { actorFor } = await import('@/tests/support/actor');
const { sendMail } = await import('@/lib/mailer');
const { readDiscreetMail, setDiscreetMail } = await import('@/lib/mailer/discreet-mail');
const { stopWorkers } = await import('@/lib/queue');
const { openedOutbox } = await import('@/tests/support/personal-data');

afterAll(async () => {
  await stopWorkers({ graceful: false });
  await db.$disconnect();
});

const PETITION_TITLE = 'Criminalise domestic violence';

describe('the discreet mail setting', () => {
  const admin = () => db.user.create({ data: { email: `admin-${Date.now()}@dauys.test`, role: 'ADMIN' } });
  const organizer = () => db.user.create({ data: { email: `organizer-${Date.now()}@dauys.test`, role: 'ORGANIZER' } });
  const confirmation = {
    to: 'signer@example.org',
    locale: 'en',
    template: 'petition-confirm',
    props: {
      petitionTitle: PETITION_TITLE,
      confirmUrl: 'https://dauys.test/en/petitions/p/confirm?token=t',
      withdrawUrl: 'https://dauys.test/en/petitions/p/withdraw?token=t',
    },
  } as const;
  const latest = () => db.outboundMail.findFirstOrThrow({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  const latestSubject = async () => (await latest()).subject;
  const latestAttachmentNames = async () =>
    ((await openedOutbox({ id: (await latest()).id }))[0]!.payload as { attachments: { filename: string }[] }).attachments.map(
      (attachment) => attachment.filename,
    );

  it('is the deployment default until an admin changes it; then the admin’s choice wins, is audit-logged, and mail follows it', async () => {
    expect(await readDiscreetMail()).toEqual({ discreet: false, source: 'deployment', changedAt: null });
    await sendMail(confirmation);
    expect(await latestSubject()).toBe(`Confirm your signature: ${PETITION_TITLE}`);

    const someone = await actorFor(await admin());
    await setDiscreetMail({ discreet: true }, someone);
    expect(await readDiscreetMail()).toMatchObject({ discreet: true, source: 'console' });
    await sendMail(confirmation);
    expect(await latestSubject()).toBe('Please confirm your email');
    // Attachment names show beside the subject too: an event's calendar file is named after its slug.
    const calendar = { filename: 'lecture-coercive-control.ics', content: 'BEGIN:VCALENDAR', contentType: 'text/calendar' };
    await sendMail({ ...confirmation, attachments: [calendar, { ...calendar, filename: 'programme.PDF' }] });
    expect(await latestAttachmentNames()).toEqual(['calendar.ics', 'attachment-2.PDF']);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'mail.discreet' } });
    expect(audit).toMatchObject({ actorId: someone.id, details: { discreet: true, before: false, beforeSource: 'deployment' } });

    // Turned off again: stored, so it still wins (it equals the default only by chance).
    await setDiscreetMail({ discreet: false }, someone);
    expect(await readDiscreetMail()).toMatchObject({ discreet: false, source: 'console' });
    await sendMail({ ...confirmation, attachments: [calendar] });
    expect(await latestAttachmentNames()).toEqual(['lecture-coercive-control.ics']);
  });

  it('can be changed by an admin with a fresh second factor only, checked where it is written', async () => {
    const before = await readDiscreetMail();
    const audits = await db.auditLog.count({ where: { action: 'mail.discreet' } });
    await expect(setDiscreetMail({ discreet: !before.discreet }, await actorFor(await organizer()))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(setDiscreetMail({ discreet: !before.discreet }, { id: 'no-such-user', sessionId: 'none' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const staleAdmin = await actorFor(await admin(), { minutesAgo: 11 });
    await expect(setDiscreetMail({ discreet: !before.discreet }, staleAdmin)).rejects.toMatchObject({ messageKey: 'stepUpRequired' });
    expect(await readDiscreetMail()).toEqual(before);
    expect(await db.auditLog.count({ where: { action: 'mail.discreet' } })).toBe(audits);
  });
});
