import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { cancelRsvp } from '@/lib/events/cancel-rsvp';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { sendRsvpMails } from '@/lib/events/send-rsvp-mails';
import { createToken } from '@/lib/events/tokens';
import { isAppError } from '@/lib/errors';
import { stopWorkers } from '@/lib/queue';
import { emailIndexOf } from '../support/personal-data';
import { attendee, createCampaign, createEvent, outbox, rsvpAndConfirm, rsvpsOf, seatsOf } from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

/** Fills an event to `seats` taken with real, confirmed RSVPs of one person + one guest each. */
async function fill(slug: string, seats: number, prefix: string) {
  for (let index = 0; index < seats / 2; index += 1) {
    await rsvpAndConfirm(slug, attendee(`${prefix}${index}@example.org`, { guests: 1 }));
  }
}

describe('capacity under concurrency', () => {
  it('200 simultaneous confirmations for the last 10 seats: exactly 10 confirmed, the rest waitlisted in arrival order', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 50 });
    await fill(event.slug, 40, 'early');
    expect((await seatsOf(event.id)).seatsTaken).toBe(40);

    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, index) => rsvpAndConfirm(event.slug, attendee(`rush${index}@example.org`))),
    );
    expect(outcomes.filter((o) => o.status === 'CONFIRMED')).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 'WAITLISTED')).toHaveLength(190);

    const seats = await seatsOf(event.id);
    expect(seats).toMatchObject({ seatsTaken: 50, trueSeats: 50, capacity: 50, confirmed: 30 });

    // In order: everyone waitlisted met the event after the last seat was taken, each at its own instant.
    const rush = (await rsvpsOf({ eventId: event.id })).filter((r) => r.email.startsWith('rush'));
    const lastSeat = Math.max(...rush.filter((r) => r.status === 'CONFIRMED').map((r) => r.confirmedAt!.getTime()));
    const waitlist = rush.filter((r) => r.status === 'WAITLISTED').sort((a, b) => a.waitlistedAt!.getTime() - b.waitlistedAt!.getTime());
    expect(waitlist).toHaveLength(190);
    expect(waitlist[0]!.waitlistedAt!.getTime()).toBeGreaterThanOrEqual(lastSeat);

    // Each waitlisted person is told their own place in the queue: 1 … 190, each once.
    await sendRsvpMails();
    const positions = (await outbox({ template: 'event-rsvp', to: (address) => address.startsWith('rush') }))
      .filter((mail) => mail.props.kind === 'waitlisted')
      .map((mail) => Number(mail.props.waitlistPosition))
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 190 }, (_, index) => index + 1));
  });

  it('counts guests: parties of 1–3 racing for 10 seats never pass capacity', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, index) => rsvpAndConfirm(event.slug, attendee(`party${index}@example.org`, { guests: index % 3 }))),
    );
    const seats = await seatsOf(event.id);
    expect(seats.trueSeats).toBe(seats.seatsTaken);
    expect(seats.seatsTaken).toBeLessThanOrEqual(10);
    // Parties of one are a third of the rush, so the last free seats always find a taker.
    expect(seats.seatsTaken).toBe(10);
    expect(outcomes.filter((o) => o.status === 'CONFIRMED')).toHaveLength(seats.confirmed);
    expect(await db.rsvp.count({ where: { eventId: event.id, status: 'WAITLISTED' } })).toBe(200 - seats.confirmed);
  });

  it('a cancellation promotes the next waitlisted people in order, who are told by mail', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 4 });
    const first = await rsvpAndConfirm(event.slug, attendee('pair@example.org', { guests: 1 }));
    await rsvpAndConfirm(event.slug, attendee('other@example.org', { guests: 1 }));
    const w1 = await rsvpAndConfirm(event.slug, attendee('wait1@example.org'));
    const w2 = await rsvpAndConfirm(event.slug, attendee('wait2@example.org', { guests: 2 }));
    const w3 = await rsvpAndConfirm(event.slug, attendee('wait3@example.org'));
    expect([first.status, w1.status, w2.status, w3.status]).toEqual(['CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    await sendRsvpMails();
    const before = new Date();

    const result = await cancelRsvp(createToken('rsvp', first.rsvpId));
    // Two seats free: wait1 (1 seat) fits; wait2 (3 seats) does not and keeps its place; wait3 fits.
    expect(result).toMatchObject({ status: 'cancelled', promoted: [w1.rsvpId, w3.rsvpId] });
    const statuses = await rsvpsOf({ eventId: event.id });
    expect(Object.fromEntries(statuses.map((r) => [r.email, r.status]))).toEqual({
      'other@example.org': 'CONFIRMED',
      'pair@example.org': 'CANCELLED',
      'wait1@example.org': 'CONFIRMED',
      'wait2@example.org': 'WAITLISTED',
      'wait3@example.org': 'CONFIRMED',
    });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 4, trueSeats: 4 });

    await sendRsvpMails();
    const mails = await outbox({ createdAt: { gte: before } });
    expect(mails.map((m) => [m.toAddress, m.props.kind]).sort()).toEqual([
      ['wait1@example.org', 'promoted'],
      ['wait3@example.org', 'promoted'],
    ]);
    expect(String(mails[0]!.props.cancelUrl)).toContain('/en/events/rsvp/cancel?token=');

    // Cancelling twice changes nothing; a forged token is refused.
    expect(await cancelRsvp(createToken('rsvp', first.rsvpId))).toMatchObject({ status: 'already-cancelled', promoted: [] });
    expect(await cancelRsvp(`${first.rsvpId}.forged`)).toEqual({ status: 'invalid' });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 4, trueSeats: 4 });
  });

  it('refuses RSVPs for cancelled, ended and unknown events', async () => {
    const campaign = await createCampaign();
    const cancelled = await createEvent(campaign.id, { status: 'CANCELLED' });
    const ended = await createEvent(campaign.id, { startsAt: new Date('2020-01-01T10:00:00Z'), endsAt: new Date('2020-01-01T12:00:00Z') });
    for (const slug of [cancelled.slug, ended.slug]) {
      await expect(rsvpToEvent(slug, attendee('late@example.org'))).rejects.toSatisfy((e) => isAppError(e, 'CLOSED'));
    }
    await expect(rsvpToEvent('no-such-event', attendee('late@example.org'))).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    expect(await db.rsvp.count({ where: { emailIndex: await emailIndexOf('late@example.org') } })).toBe(0);
  });
});
