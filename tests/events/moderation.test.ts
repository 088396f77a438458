import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listModerationQueue, findCalendar } from '@/lib/events/queries';
import { fieldErrorKeys } from '@/lib/validation';
import { SubmitEventSchema } from '@/lib/events/schemas';
import { submitEvent } from '@/lib/events/submit-event';
import { transitionEvent } from '@/lib/events/transition-event';
import { findSubmissionByToken, verifySubmission } from '@/lib/events/verify-submission';
import { isAppError } from '@/lib/errors';
import { stopWorkers } from '@/lib/queue';
import { addDays } from '@/lib/time/kazakhstan';
import {
  CAMPAIGN_DAYS,
  EVENT_DAY,
  createCampaign,
  createOrganizerUser,
  outbox,
  partnerSubmission,
  partnerSubmissionInput,
  tokenFrom,
} from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

describe('partner submissions', () => {
  it('verify by POST, then approve: the event is published and the submitter told', async () => {
    const organizer = await createOrganizerUser();
    const campaign = await createCampaign();
    await submitEvent(partnerSubmission('partner@example.org'));
    const draft = await db.event.findFirstOrThrow({ where: { submitterEmail: 'partner@example.org' } });
    expect(draft).toMatchObject({
      status: 'DRAFT',
      campaignId: campaign.id,
      submitterVerifiedAt: null,
      title: { ru: 'Orange walk in Karaganda' },
      // Written in one language: readers of the others read it (localized()); the calendar files it under that name.
      city: { kk: '', ru: 'Караганда', en: '' },
      cityKey: 'караганда',
      venue: { kk: '', ru: 'Центральный парк', en: '' },
      address: null,
      organiserName: { kk: '', ru: 'Круг женщин Караганды', en: '' },
    });
    expect(await listModerationQueue()).toHaveLength(0);

    const [verifyMail] = await outbox({ to: 'partner@example.org' });
    expect(verifyMail).toMatchObject({ template: 'event-submission', props: { kind: 'verify' } });
    const token = tokenFrom(verifyMail!.props.url);
    // Opening the link (GET) only finds the submission; the page's button POSTs.
    expect(await findSubmissionByToken(token)).toMatchObject({ id: draft.id, submitterVerifiedAt: null });
    expect(await verifySubmission(token)).toBe('verified');
    expect(await verifySubmission(token)).toBe('already-verified');
    expect((await listModerationQueue()).map((e) => e.id)).toEqual([draft.id]);

    await transitionEvent(organizer.id, draft.id, { action: 'publish' });
    expect(await listModerationQueue()).toHaveLength(0);
    const mails = await outbox({ to: 'partner@example.org' });
    expect(mails.at(-1)).toMatchObject({ template: 'event-submission', props: { kind: 'approved' } });
    expect(String(mails.at(-1)!.props.url)).toContain(`/ru/events/${draft.slug}`);
    const { days } = await findCalendar(campaign, {});
    expect(days.find((d) => d.date === EVENT_DAY)!.events.map((e) => e.id)).toEqual([draft.id]);
  });

  it('reject with a reason: the submitter is told why; the event stays out of the calendar', async () => {
    const organizer = await createOrganizerUser();
    const campaign = await createCampaign();
    await submitEvent(partnerSubmission('rejected@example.org'));
    const draft = await db.event.findFirstOrThrow({ where: { submitterEmail: 'rejected@example.org' } });
    await verifySubmission(tokenFrom((await outbox({ to: 'rejected@example.org' }))[0]!.props.url));
    await transitionEvent(organizer.id, draft.id, { action: 'reject', reason: 'Please add the venue address.' });
    expect(await db.event.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Please add the venue address.',
    });
    expect((await outbox({ to: 'rejected@example.org' })).at(-1)).toMatchObject({
      props: { kind: 'rejected', reason: 'Please add the venue address.' },
    });
    const { days } = await findCalendar(campaign, {});
    expect(days.flatMap((d) => d.events)).toHaveLength(0);
    await expect(transitionEvent(organizer.id, draft.id, { action: 'cancel' })).rejects.toSatisfy((e) => isAppError(e, 'CONFLICT'));
    expect((await db.auditLog.findMany({ where: { subjectId: draft.id } })).map((a) => a.action)).toEqual(['event.reject']);
  });

  it('refuses a start outside every campaign, an unverified link, and stores nothing for a honeypot', async () => {
    await createCampaign();
    // A future day, so only the campaign's dates can be why it is refused.
    const dayAfterCampaign = addDays(CAMPAIGN_DAYS.endsOn, 1);
    await expect(
      submitEvent(partnerSubmission('late@example.org', { startsAt: `${dayAfterCampaign}T12:00`, endsAt: `${dayAfterCampaign}T14:00` })),
    ).rejects.toSatisfy((e) => isAppError(e, 'INVALID'));
    await submitEvent(partnerSubmission('bot@example.org', { website: 'http://spam.example' }));
    expect(await db.event.count({ where: { submitterEmail: { in: ['late@example.org', 'bot@example.org'] } } })).toBe(0);
    expect(await verifySubmission('abcdefghijklmnop.forged-signature')).toBe('invalid');
    const bad = SubmitEventSchema.safeParse({
      ...partnerSubmission('x@example.org'),
      startsAt: `${EVENT_DAY}T12:00`,
      endsAt: `${EVENT_DAY}T11:00`,
    });
    expect(bad.success).toBe(false);
    const nowhere = SubmitEventSchema.safeParse(partnerSubmissionInput('x@example.org', { city: { kk: ' ', ru: '', en: '' } }));
    expect(nowhere.success ? {} : fieldErrorKeys(nowhere.error)).toEqual({ city: 'required' });
  });
});
