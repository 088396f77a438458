import { afterAll, describe, expect, it } from 'vitest';
import { rsvpAction } from '@/app/[locale]/(public)/events/[slug]/actions';
import { db } from '@/lib/db';
import { confirmRsvp } from '@/lib/events/confirm-rsvp';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { sendRsvpMails } from '@/lib/events/send-rsvp-mails';
import { createToken } from '@/lib/events/tokens';
import { stopWorkers } from '@/lib/queue';
import { attendee, createCampaign, createEvent, outbox, rsvpAsPerson, rsvpsOf, seatsOf } from '../events/fixtures';

/*
 * An RSVP needs no account, so anyone can type anyone's address. Whoever does must learn nothing
 * about that address from the answer, and must not be able to change what its owner answered.
 */

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

/** An answer whose owner confirmed it from the mailed link: a seat, or the waitlist. */
async function confirmedAnswer(slug: string, email: string, guests = 0) {
  const { rsvpId } = await rsvpAsPerson(slug, attendee(email, { guests }));
  await confirmRsvp(createToken('rsvp', rsvpId));
  return (await rsvpsOf({ id: rsvpId }))[0]!;
}

/** What the public form answers: the page it redirects to, or the form state it returns. */
async function submitForm(slug: string, fields: Record<string, string>): Promise<string> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ name: 'Someone Else', guests: '0', consent: 'on', website: '', ...fields }))
    form.set(name, value);
  try {
    return `state ${JSON.stringify(await rsvpAction('en', slug, null, form))}`;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
    throw error;
  }
}

describe('a stranger answering with someone else’s address', () => {
  it('changes nothing of the existing answer: name, guests and seat stay until the owner applies the change from the mail', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 10, maxGuestsPerRsvp: 2 });
    const before = await confirmedAnswer(event.slug, 'owner@example.org');
    expect(before).toMatchObject({ status: 'CONFIRMED', name: 'Aigerim Karimova', guests: 0 });
    await sendRsvpMails();
    const mailsBefore = (await outbox({ to: 'owner@example.org' })).length;

    await rsvpToEvent(event.slug, attendee('owner@example.org', { name: 'Someone Else', guests: 2, locale: 'ru' }));
    await sendRsvpMails();

    const [after] = await rsvpsOf({ id: before.id });
    expect(after).toMatchObject({ status: 'CONFIRMED', name: 'Aigerim Karimova', guests: 0, locale: 'en' });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 1, trueSeats: 1 });
    // The owner is asked, in a mail only they can read, whether to apply the new answer.
    const mails = await outbox({ to: 'owner@example.org' });
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)).toMatchObject({ template: 'event-rsvp', props: { kind: 'change', guests: 2 } });
    expect(String(mails.at(-1)!.props.confirmUrl)).toMatch(/\/ru\/events\/rsvp\/change\?token=/);
  });

  it('cannot rewrite an answer still waiting for its confirmation either', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 10 });
    const { rsvpId } = await rsvpAsPerson(event.slug, attendee('pending@example.org', { guests: 1 }));
    await rsvpToEvent(event.slug, attendee('pending@example.org', { name: 'Someone Else', guests: 0 }));
    expect(await rsvpsOf({ id: rsvpId })).toMatchObject([{ status: 'PENDING_EMAIL', name: 'Aigerim Karimova', guests: 1 }]);
  });

  it('gets the same answer on a full event for a seat holder’s address, a new address, a bot and an address over its mail budget', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 1 });
    await confirmedAnswer(event.slug, 'seated@example.org');
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 1, capacity: 1 });
    for (let index = 0; index < 25; index += 1) await rsvpToEvent(event.slug, attendee('flooded@example.org'));

    const answers = [
      await submitForm(event.slug, { email: 'seated@example.org' }),
      await submitForm(event.slug, { email: 'newcomer@example.org' }),
      await submitForm(event.slug, { email: 'bot@example.org', website: 'https://spam.example' }),
      await submitForm(event.slug, { email: 'flooded@example.org' }),
    ];
    expect(answers[0]).toMatch(/^redirect /);
    expect(new Set(answers)).toEqual(new Set([answers[0]]));
  });

  it('holds no seat with a new address until the mailed link is pressed, so typed addresses cannot fill an event', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 2 });
    for (const name of ['a', 'b', 'c']) await rsvpToEvent(event.slug, attendee(`${name}@typed.example`));
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 0, trueSeats: 0 });
    expect(await db.rsvp.count({ where: { eventId: event.id, status: 'PENDING_EMAIL' } })).toBe(3);

    await sendRsvpMails();
    const [mail] = await outbox({ to: 'a@typed.example' });
    expect(mail).toMatchObject({ template: 'event-rsvp', props: { kind: 'check-email' } });
    // The outcome (a seat or the waitlist) is told only after the POST behind the link.
    expect(await confirmRsvp(new URL(String(mail!.props.confirmUrl)).searchParams.get('token')!)).toMatchObject({
      status: 'done',
      rsvp: 'CONFIRMED',
    });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 1, trueSeats: 1 });
  });
});
