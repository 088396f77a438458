import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { applyRsvpChange } from '@/lib/events/apply-rsvp-change';
import { confirmRsvp } from '@/lib/events/confirm-rsvp';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { sendRsvpMails } from '@/lib/events/send-rsvp-mails';
import { createToken } from '@/lib/events/tokens';
import { isAppError } from '@/lib/errors';
import { stopWorkers } from '@/lib/queue';
import { emailIndexOf, rawRowText } from '../support/personal-data';
import {
  attendee,
  createCampaign,
  createEvent,
  EVENT_DAY,
  outbox,
  rsvpAndConfirm,
  rsvpAsPerson,
  rsvpsOf,
  seatsOf,
  tokenFrom,
} from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "November 25, 2026" for 2026-11-25: written out here, not by the formatter under test. */
function englishLongDate(dateKey: string): string {
  const [year, month, day] = dateKey.split('-').map(Number);
  return `${MONTHS[month! - 1]} ${day}, ${year}`;
}

/** The change link mailed to `email` last: what only the owner of the address can press. */
async function latestChangeToken(email: string): Promise<string> {
  const change = (await outbox({ to: email })).filter((mail) => mail.props.kind === 'change').at(-1);
  if (!change) throw new Error(`no change link mailed to ${email}`);
  return tokenFrom(change.props.confirmUrl);
}

describe('one answer per email', () => {
  it('answering again changes nothing until the mailed change link is pressed; the change keeps the limit and capacity', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 5, maxGuestsPerRsvp: 3 });
    const first = await rsvpAndConfirm(event.slug, attendee('dana@example.org'));
    expect(first.status).toBe('CONFIRMED');

    // Anyone can type Dana's address: the stored answer stays as it is, and the answer looks like a new one's.
    const again = await rsvpToEvent(event.slug, attendee('dana@example.org', { name: 'Someone Else', guests: 2 }));
    expect(again).toMatchObject({ rsvpId: first.rsvpId, answer: 'existing' });
    expect(await rsvpsOf({ id: first.rsvpId })).toMatchObject([{ name: 'Aigerim Karimova', guests: 0 }]);
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 1, trueSeats: 1 });

    // Dana presses the link in her mail: the new answer applies.
    expect(await applyRsvpChange(await latestChangeToken('dana@example.org'))).toMatchObject({
      status: 'done',
      rsvp: 'CONFIRMED',
      change: 'updated',
    });
    expect(await db.rsvp.count({ where: { eventId: event.id } })).toBe(1);
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 3, trueSeats: 3 });

    // Beyond the event's own limit: refused, nothing changes.
    await expect(rsvpToEvent(event.slug, attendee('dana@example.org', { guests: 4 }))).rejects.toSatisfy((e) => isAppError(e, 'INVALID'));
    await rsvpAndConfirm(event.slug, attendee('bolat@example.org', { guests: 1 }));
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 5, trueSeats: 5 });

    // More guests than seats left: the RSVP keeps its previous count.
    await rsvpToEvent(event.slug, attendee('dana@example.org', { guests: 3 }));
    expect(await applyRsvpChange(await latestChangeToken('dana@example.org'))).toMatchObject({
      status: 'done',
      change: 'guests-unavailable',
    });
    expect((await db.rsvp.findUniqueOrThrow({ where: { id: first.rsvpId } })).guests).toBe(2);
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 5, trueSeats: 5 });

    // Fewer guests give seats back.
    await rsvpToEvent(event.slug, attendee('dana@example.org', { guests: 0 }));
    await applyRsvpChange(await latestChangeToken('dana@example.org'));
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 3, trueSeats: 3 });
  });

  it('the same address answering ten times at once makes one RSVP, holding no seat until confirmed, then one party', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 20 });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => rsvpAsPerson(event.slug, attendee('twice@example.org', { guests: 1 }))),
    );
    expect(new Set(outcomes.map((o) => o.rsvpId)).size).toBe(1);
    expect(await db.rsvp.count({ where: { eventId: event.id } })).toBe(1);
    expect(await db.rsvp.count({ where: { eventId: event.id, status: 'PENDING_EMAIL' } })).toBe(1);
    expect(await db.supporter.count({ where: { emailIndex: await emailIndexOf('twice@example.org') } })).toBe(1);
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 0, trueSeats: 0 });
    expect(await confirmRsvp(createToken('rsvp', outcomes[0]!.rsvpId))).toMatchObject({ status: 'done', rsvp: 'CONFIRMED' });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 2, trueSeats: 2 });
  });

  it('an address is one person however it is written, mail goes to it as typed, and the stored rows hold neither it nor the name', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 10 });
    const first = await rsvpAsPerson(event.slug, attendee('Name.Surname+x@gmail.com', { name: 'Zhanar Sealedova' }));
    const again = await rsvpAsPerson(event.slug, attendee('namesurname@googlemail.com', { name: 'Zhanar Sealedova', guests: 1 }));
    expect(again).toMatchObject({ rsvpId: first.rsvpId, answer: 'existing' });
    expect(await db.rsvp.count({ where: { eventId: event.id } })).toBe(1);
    expect(await rsvpsOf({ eventId: event.id })).toMatchObject([
      { email: 'Name.Surname+x@gmail.com', name: 'Zhanar Sealedova', guests: 0 },
    ]);

    await sendRsvpMails();
    expect(await outbox({ to: 'Name.Surname+x@gmail.com' })).toMatchObject([{ props: { kind: 'check-email', name: 'Zhanar Sealedova' } }]);
    expect(await outbox({ to: 'namesurname@googlemail.com' })).toMatchObject([{ props: { kind: 'change', guests: 1 } }]);

    const supporterId = (await rsvpsOf({ id: first.rsvpId }))[0]!.supporterId;
    const json =
      `${await rawRowText('Rsvp', 'id = $1', first.rsvpId)} ${await rawRowText('Supporter', 'id = $1', supporterId)}`.toLowerCase();
    expect(json).toContain(first.rsvpId);
    expect(json).toContain(supporterId);
    for (const plain of ['name.surname', 'namesurname', 'gmail', 'zhanar', 'sealedova']) expect(json).not.toContain(plain);
  });

  it('double opt-in: no seat until the email is confirmed by POST; confirming twice is harmless', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 1 });
    await rsvpToEvent(event.slug, attendee('optin@example.org'));
    await rsvpToEvent(event.slug, attendee('optin2@example.org'));
    const statuses = await db.rsvp.findMany({ where: { eventId: event.id }, select: { status: true } });
    expect(statuses.map((row) => row.status)).toEqual(['PENDING_EMAIL', 'PENDING_EMAIL']);
    expect((await seatsOf(event.id)).seatsTaken).toBe(0);

    await sendRsvpMails();
    const [mail] = await outbox({ to: 'optin@example.org' });
    expect(mail).toMatchObject({ template: 'event-rsvp', props: { kind: 'check-email' } });
    const token = tokenFrom(mail!.props.confirmUrl);
    expect(await confirmRsvp(token)).toMatchObject({ status: 'done', rsvp: 'CONFIRMED' });
    expect(await confirmRsvp(token)).toMatchObject({ status: 'done', rsvp: 'CONFIRMED' });
    expect(await seatsOf(event.id)).toMatchObject({ seatsTaken: 1, trueSeats: 1 });

    await sendRsvpMails();
    const otherMail = (await outbox({ to: 'optin2@example.org' }))[0]!;
    expect(await confirmRsvp(tokenFrom(otherMail.props.confirmUrl))).toMatchObject({ status: 'done', rsvp: 'WAITLISTED' });
    expect(await confirmRsvp('x'.repeat(40))).toEqual({ status: 'invalid' });

    await sendRsvpMails();
    const confirmedMail = (await outbox({ to: 'optin@example.org' })).at(-1)!;
    expect(confirmedMail.props).toMatchObject({
      kind: 'confirmed',
      eventTitle: 'Test rally',
      where: 'Republic Square, Satpayev St 1, Almaty',
    });
    expect(String(confirmedMail.props.icsUrl)).toMatch(/\/api\/events\/.+\/ics\?lang=en&token=/);
    expect(String(confirmedMail.props.googleUrl)).toContain('calendar.google.com');
    expect(String(confirmedMail.props.outlookUrl)).toContain('outlook.live.com');
    expect(confirmedMail.props.when).toBe(`${englishLongDate(EVENT_DAY)} at 18:00 – 20:00 (Kazakhstan time)`);

    // The confirmation carries the event as an .ics attachment that calendars can read.
    const stored = (await outbox({ to: 'optin@example.org', subject: { not: '' } })).at(-1)!;
    const [attachment] = stored.attachments;
    // Named neutrally, not after the event's slug: discreet mail, the default.
    expect(attachment).toMatchObject({ filename: 'calendar.ics', contentType: expect.stringContaining('text/calendar') });
    const vevent = new ICAL.Component(ICAL.parse(attachment!.content)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('Test rally');
  });
});
