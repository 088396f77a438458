import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { expireUnconfirmedEventRecords, UNCONFIRMED_KEEP_DAYS } from '@/lib/events/expire-unconfirmed';
import { confirmRsvp } from '@/lib/events/confirm-rsvp';
import { submitEvent } from '@/lib/events/submit-event';
import { createToken } from '@/lib/events/tokens';
import { verifySubmission } from '@/lib/events/verify-submission';
import { stopWorkers } from '@/lib/queue';
import { attendee, createCampaign, createEvent, partnerSubmission, rsvpAndConfirm, rsvpAsPerson } from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const afterKeepDays = () => new Date(Date.now() + (UNCONFIRMED_KEEP_DAYS + 1) * 86_400_000);

describe('unconfirmed RSVPs and unverified submissions expire', () => {
  it('drops RSVPs nobody confirmed after a week, keeps confirmed ones, and the old link then answers invalid', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 10 });
    const { rsvpId: pendingId } = await rsvpAsPerson(event.slug, attendee('typed-by-a-stranger@example.org'));
    const { rsvpId: confirmedId } = await rsvpAndConfirm(event.slug, attendee('real-attendee@example.org'));

    expect(await expireUnconfirmedEventRecords()).toEqual({ rsvps: 0, submissions: 0 });
    expect(await expireUnconfirmedEventRecords(afterKeepDays())).toMatchObject({ rsvps: 1 });

    expect(await db.rsvp.findUnique({ where: { id: pendingId } })).toBeNull();
    expect((await db.rsvp.findUniqueOrThrow({ where: { id: confirmedId } })).status).toBe('CONFIRMED');
    expect((await confirmRsvp(createToken('rsvp', pendingId))).status).toBe('invalid');
  });

  it('drops a pending RSVP at once when its event has ended', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id);
    const { rsvpId } = await rsvpAsPerson(event.slug, attendee('too-late@example.org'));
    await db.event.update({
      where: { id: event.id },
      data: { startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000) },
    });

    expect(await expireUnconfirmedEventRecords()).toMatchObject({ rsvps: 1 });
    expect(await db.rsvp.findUnique({ where: { id: rsvpId } })).toBeNull();
  });

  it('drops partner submissions whose address was never verified, and keeps verified ones and organizers’ drafts', async () => {
    const campaign = await createCampaign();
    await submitEvent(partnerSubmission('never-verified@example.org'));
    await submitEvent(partnerSubmission('verified-partner@example.org'));
    const verified = await db.event.findFirstOrThrow({ where: { submitterEmail: 'verified-partner@example.org' } });
    const unverified = await db.event.findFirstOrThrow({ where: { submitterEmail: 'never-verified@example.org' } });
    expect(await verifySubmission(createToken('submission', verified.id))).toBe('verified');
    const organizersDraft = await createEvent(campaign.id, { status: 'DRAFT', createdAt: new Date(Date.now() - 30 * 86_400_000) });

    expect(await expireUnconfirmedEventRecords()).toMatchObject({ submissions: 0 });
    expect(await expireUnconfirmedEventRecords(afterKeepDays())).toMatchObject({ submissions: 1 });

    expect(await db.event.findUnique({ where: { id: unverified.id } })).toBeNull();
    expect((await db.event.findUniqueOrThrow({ where: { id: verified.id } })).status).toBe('PENDING_REVIEW');
    expect(await db.event.findUnique({ where: { id: organizersDraft.id } })).not.toBeNull();
    expect(await verifySubmission(createToken('submission', unverified.id))).toBe('invalid');
  });
});
