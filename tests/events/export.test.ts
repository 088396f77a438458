import { afterAll, describe, expect, it } from 'vitest';
import { actorFor } from '@/tests/support/actor';
import { db } from '@/lib/db';
import { exportAttendeesCsv } from '@/lib/events/export-attendees';
import { listAttendees } from '@/lib/events/queries';
import type { RsvpStatus } from '@/lib/generated/prisma/enums';
import { stopWorkers } from '@/lib/queue';
import { keyring, sealPerson } from '@/lib/security/personal-data';
import { readStream } from '../support/read-stream';
import { createCampaign, createEvent, createOrganizerUser } from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute));

type Row = { id: string; name: string; status: RsvpStatus; createdAt: Date; waitlistedAt?: Date; attendedAt?: Date; guests?: number };

describe('attendee export', () => {
  it('streams the console order (confirmed, the waitlist with positions, the rest) with quoted, formula-safe cells, and logs who exported', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 2 });
    const organizer = await createOrganizerUser();
    const rows: Row[] = [
      { id: 'rsvp0000cancelled', name: 'Gone', status: 'CANCELLED', createdAt: at(1) },
      { id: 'rsvp0000pending00', name: 'Not Yet', status: 'PENDING_EMAIL', createdAt: at(2) },
      { id: 'rsvp0000waitlate0', name: 'Late Waiter', status: 'WAITLISTED', createdAt: at(3), waitlistedAt: at(30) },
      { id: 'rsvp0000waitearly', name: 'Early Waiter', status: 'WAITLISTED', createdAt: at(4), waitlistedAt: at(20) },
      { id: 'rsvp0000waittie0b', name: 'Tie B', status: 'WAITLISTED', createdAt: at(5), waitlistedAt: at(25) },
      { id: 'rsvp0000waittie0a', name: 'Tie A', status: 'WAITLISTED', createdAt: at(5), waitlistedAt: at(25) },
      { id: 'rsvp0000seatedb00', name: '=HYPERLINK("x") Evil', status: 'CONFIRMED', createdAt: at(6), guests: 1 },
      { id: 'rsvp0000seateda00', name: 'Dana "Dan" Sultanova, PhD', status: 'CONFIRMED', createdAt: at(6), attendedAt: at(50) },
    ];
    const keys = await keyring();
    for (const { name, ...row } of rows) {
      const person = sealPerson(keys, { email: `${row.id}@export.example`, name });
      const supporter = await db.supporter.create({
        data: { emailIndex: person.emailIndex, emailSealed: person.emailSealed, nameSealed: person.nameSealed, locale: 'ru' },
      });
      await db.rsvp.create({
        data: { eventId: event.id, supporterId: supporter.id, ...person, locale: 'ru', consentVersion: 'v1', guests: 0, ...row },
      });
    }

    const expected = [
      'name,email,guests,status,waitlist_position,language,rsvp_at,attended_at',
      `"Dana ""Dan"" Sultanova, PhD","rsvp0000seateda00@export.example","0","CONFIRMED","","ru","2030-01-01T10:06:00.000Z","2030-01-01T10:50:00.000Z"`,
      `"'=HYPERLINK(""x"") Evil","rsvp0000seatedb00@export.example","1","CONFIRMED","","ru","2030-01-01T10:06:00.000Z",""`,
      `"Early Waiter","rsvp0000waitearly@export.example","0","WAITLISTED","1","ru","2030-01-01T10:04:00.000Z",""`,
      `"Tie A","rsvp0000waittie0a@export.example","0","WAITLISTED","2","ru","2030-01-01T10:05:00.000Z",""`,
      `"Tie B","rsvp0000waittie0b@export.example","0","WAITLISTED","3","ru","2030-01-01T10:05:00.000Z",""`,
      `"Late Waiter","rsvp0000waitlate0@export.example","0","WAITLISTED","4","ru","2030-01-01T10:03:00.000Z",""`,
      `"Not Yet","rsvp0000pending00@export.example","0","PENDING_EMAIL","","ru","2030-01-01T10:02:00.000Z",""`,
      `"Gone","rsvp0000cancelled@export.example","0","CANCELLED","","ru","2030-01-01T10:01:00.000Z",""`,
    ];
    const file = `\uFEFF${expected.join('\r\n')}\r\n`;

    for (const batchSize of [1, 2, 1000]) {
      const { filename, stream } = await exportAttendeesCsv(await actorFor(organizer), event.id, batchSize);
      expect(filename).toBe(`attendees-${event.slug}.csv`);
      const { text, chunks } = await readStream(stream);
      expect(text).toBe(file);
      if (batchSize === 1) expect(chunks).toBe(9); // the header, then one row per pull
    }
    // The console lists them in the same order.
    const listed = (await listAttendees(event.id, organizer)).map((row) => row.email);
    expect(listed).toEqual(expected.slice(1).map((line) => /"([^"]+@export\.example)"/.exec(line)![1]));
    // Names and addresses are sealed, so the check-in search looks through the opened list: a part of either, any case.
    expect((await listAttendees(event.id, organizer, 'waiter')).map((row) => row.name)).toEqual(['Early Waiter', 'Late Waiter']);
    expect((await listAttendees(event.id, organizer, 'SEATEDA')).map((row) => row.name)).toEqual(['Dana "Dan" Sultanova, PhD']);
    expect(await listAttendees(event.id, organizer, 'nobody')).toEqual([]);

    const audits = await db.auditLog.findMany({ where: { action: 'event.export-attendees', subjectId: event.id } });
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({ actorId: organizer.id, details: { rows: 8 } });
  });

  it('an event with no answers is the header alone', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id);
    const organizer = await createOrganizerUser();
    const { text } = await readStream((await exportAttendeesCsv(await actorFor(organizer), event.id)).stream);
    expect(text).toBe('\uFEFFname,email,guests,status,waitlist_position,language,rsvp_at,attended_at\r\n');
  });
});
