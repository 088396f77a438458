import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { applyRsvpChange } from '@/lib/events/apply-rsvp-change';
import { cancelRsvpById } from '@/lib/events/cancel-rsvp';
import { confirmRsvp } from '@/lib/events/confirm-rsvp';
import { findRsvpChangeByToken } from '@/lib/events/find-rsvp-by-token';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { createToken } from '@/lib/events/tokens';
import { renderMail } from '@/lib/mailer/render-mail';
import { stopWorkers } from '@/lib/queue';
import { attendee, createCampaign, createEvent, outbox, rsvpAsPerson, rsvpsOf, seatsOf, tokenFrom } from '../events/fixtures';

/*
 * Answering again with an address that already answered changes nothing by itself: the address's
 * owner gets a mail whose link (a page whose button POSTs) applies the new answer.
 */

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

async function confirmedAnswer(slug: string, email: string, guests = 0) {
  const { rsvpId } = await rsvpAsPerson(slug, attendee(email, { guests }));
  await confirmRsvp(createToken('rsvp', rsvpId));
  return rsvpId;
}

/** Answers again and returns the token of the change link mailed to the address. */
async function askForChange(slug: string, email: string, extra: Parameters<typeof attendee>[1] = {}): Promise<string> {
  await rsvpToEvent(slug, attendee(email, extra));
  const mail = (await outbox({ to: email })).at(-1);
  expect(mail).toMatchObject({ template: 'event-rsvp', props: { kind: 'change' } });
  return tokenFrom(mail!.props.confirmUrl);
}

describe('the mailed change link', () => {
  it('shows the new answer on GET and applies it only on POST; pressing twice changes nothing more', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 10, maxGuestsPerRsvp: 2 });
    const id = await confirmedAnswer(event.slug, 'dana@example.org');
    const token = await askForChange(event.slug, 'dana@example.org', { name: 'Dana Sultanova', guests: 2, locale: 'kk' });

    expect(await findRsvpChangeByToken(token)).toMatchObject({
      change: { name: 'Dana Sultanova', guests: 2, locale: 'kk' },
      rsvp: { id, status: 'CONFIRMED', event: { slug: event.slug } },
    });
    expect(await rsvpsOf({ id })).toMatchObject([{ name: 'Aigerim Karimova', guests: 0 }]);

    expect(await applyRsvpChange(token)).toMatchObject({ status: 'done', rsvp: 'CONFIRMED', change: 'updated', slug: event.slug });
    expect(await rsvpsOf({ id })).toMatchObject([{ name: 'Dana Sultanova', guests: 2, locale: 'kk', mailPending: 'STATUS' }]);
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 3, trueSeats: 3 });

    expect(await applyRsvpChange(token)).toMatchObject({ status: 'done', rsvp: 'CONFIRMED' });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 3, trueSeats: 3 });
  });

  it('reads, in every language, as a question to the address’s owner, and offers no way to cancel the answer on record', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 10, maxGuestsPerRsvp: 2 });
    await confirmedAnswer(event.slug, 'mailed@example.org');
    for (const locale of ['kk', 'ru', 'en'] as const) {
      await askForChange(event.slug, 'mailed@example.org', { guests: 1, locale });
      const mail = (await outbox({ to: 'mailed@example.org' })).at(-1)!;
      const rendered = await renderMail({ template: 'event-rsvp', locale, discreet: false, props: mail.props });
      expect(rendered.subject).not.toMatch(/mail\.change|events\./);
      expect(rendered.text).toContain(String(mail.props.confirmUrl));
      expect(rendered.text).not.toContain('/events/rsvp/cancel');
    }
    const english = await renderMail({
      template: 'event-rsvp',
      locale: 'en',
      discreet: false,
      props: (await outbox({ to: 'mailed@example.org' })).at(-1)!.props,
    });
    expect(english.subject).toBe('Confirm the change to your RSVP: Test rally');
    expect(english.text).toContain("If it wasn't you, ignore this email: nothing changes.");
  });

  it('keeps the previous guest count when the seats are not there, and gives seats back to the waitlist when fewer are asked for', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 3, maxGuestsPerRsvp: 2 });
    const dana = await confirmedAnswer(event.slug, 'guests@example.org', 1);
    await confirmedAnswer(event.slug, 'bolat@example.org');
    const waiting = await confirmedAnswer(event.slug, 'waiting@example.org');
    expect((await db.rsvp.findUniqueOrThrow({ where: { id: waiting } })).status).toBe('WAITLISTED');

    const more = await askForChange(event.slug, 'guests@example.org', { guests: 2 });
    expect(await applyRsvpChange(more)).toMatchObject({ status: 'done', rsvp: 'CONFIRMED', change: 'guests-unavailable' });
    expect((await db.rsvp.findUniqueOrThrow({ where: { id: dana } })).guests).toBe(1);

    const fewer = await askForChange(event.slug, 'guests@example.org', { guests: 0 });
    expect(await applyRsvpChange(fewer)).toMatchObject({ status: 'done', rsvp: 'CONFIRMED', change: 'updated' });
    expect(await db.rsvp.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({ status: 'CONFIRMED', mailPending: 'PROMOTED' });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 3, trueSeats: 3 });
  });

  it('confirms a pending answer with the new details, and brings back a cancelled one (a seat, or the waitlist)', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 2, maxGuestsPerRsvp: 2 });
    const { rsvpId: pending } = await rsvpAsPerson(event.slug, attendee('pending@example.org'));
    const token = await askForChange(event.slug, 'pending@example.org', { guests: 1 });
    expect(await applyRsvpChange(token)).toMatchObject({ status: 'done', rsvp: 'CONFIRMED' });
    expect(await db.rsvp.findUniqueOrThrow({ where: { id: pending } })).toMatchObject({ status: 'CONFIRMED', guests: 1 });

    const cancelled = await confirmedAnswer(event.slug, 'back@example.org');
    await cancelRsvpById(cancelled);
    await confirmedAnswer(event.slug, 'took-it@example.org');
    const again = await askForChange(event.slug, 'back@example.org');
    expect(await applyRsvpChange(again)).toMatchObject({ status: 'done', rsvp: 'WAITLISTED' });
    expect(await db.rsvp.findUniqueOrThrow({ where: { id: cancelled } })).toMatchObject({ status: 'WAITLISTED', cancelledAt: null });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 2, trueSeats: 2 });
  });

  it('refuses a tampered or expired link, and one for an event no longer open', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 10, maxGuestsPerRsvp: 2 });
    const id = await confirmedAnswer(event.slug, 'tampered@example.org');
    const token = await askForChange(event.slug, 'tampered@example.org', { guests: 2 });

    const flipped = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    for (const bad of [flipped(token, 5), flipped(token, token.length - 3), `${token}x`, 'x'.repeat(60), createToken('rsvp', id)]) {
      expect(await applyRsvpChange(bad)).toEqual({ status: 'invalid' });
      expect(await findRsvpChangeByToken(bad)).toBeNull();
    }
    const eightDaysLater = new Date(Date.now() + 8 * 24 * 3600_000);
    expect(await applyRsvpChange(token, eightDaysLater)).toEqual({ status: 'invalid' });

    await db.event.update({ where: { id: event.id }, data: { status: 'CANCELLED' } });
    expect(await applyRsvpChange(token)).toMatchObject({ status: 'closed' });
    expect(await db.rsvp.findUniqueOrThrow({ where: { id } })).toMatchObject({ guests: 0 });
  });
});
