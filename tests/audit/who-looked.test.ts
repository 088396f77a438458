import { sealedSigner, sealedSupporter } from '@/tests/support/personal-data';
import { actorFor } from '@/tests/support/actor';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listAttendees } from '@/lib/events/queries';
import { exportSupporter } from '@/lib/supporters/export-supporter';
import { getSupporterDetail } from '@/lib/supporters/queries';
import { createCampaign, createEvent, createOrganizerUser } from '../events/fixtures';

afterAll(() => db.$disconnect());

/** Reading personal data for an organizer leaves one entry: who, which action, which record, and nothing personal. */
async function entriesFor(subjectId: string) {
  return db.auditLog.findMany({ where: { subjectId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

function expectNothingPersonal(entry: unknown, ...personal: string[]) {
  const text = JSON.stringify(entry);
  for (const value of personal) expect(text).not.toContain(value);
}

describe('who looked', () => {
  it("opening a supporter's record writes supporter.view with the organizer and the supporter, and no email or name", async () => {
    const organizer = await createOrganizerUser();
    const person = await db.supporter.create({
      data: { ...(await sealedSupporter('looked-at@example.org', 'Aliya Looked')), locale: 'ru' },
    });

    const detail = await getSupporterDetail(person.id, organizer);

    expect(detail?.supporter.email).toBe('looked-at@example.org');
    const entries = await entriesFor(person.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: organizer.id, action: 'supporter.view', subjectType: 'Supporter', subjectId: person.id });
    expect(entries[0]!.details).toBeNull();
    expectNothingPersonal(entries[0], 'looked-at', 'Aliya');
  });

  it('a record that does not exist records nothing', async () => {
    const organizer = await createOrganizerUser();
    expect(await getSupporterDetail('no-such-supporter', organizer)).toBeNull();
    expect(await db.auditLog.count({ where: { subjectId: 'no-such-supporter' } })).toBe(0);
  });

  it("exporting a supporter's data is one supporter.export entry, not a view as well", async () => {
    const organizer = await createOrganizerUser();
    const person = await db.supporter.create({
      data: { ...(await sealedSupporter('exported@example.org', 'Dana Exported')), locale: 'kk' },
    });

    await exportSupporter(person.id, await actorFor(organizer));

    const entries = await entriesFor(person.id);
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([['supporter.export', organizer.id]]);
    expectNothingPersonal(entries, 'exported@', 'Dana');
  });

  it("reading an event's attendee list (console page or check-in search) writes event.attendees.view each time, without the search or a name", async () => {
    const organizer = await createOrganizerUser();
    const event = await createEvent((await createCampaign()).id);
    const person = await db.supporter.create({ data: { ...(await sealedSupporter('attendee@example.org')), locale: 'ru' } });
    await db.rsvp.create({
      data: {
        eventId: event.id,
        supporterId: person.id,
        emailIndex: person.emailIndex,
        emailSealed: person.emailSealed,
        nameSealed: (await sealedSigner('attendee@example.org', 'Madina Attendee')).fullNameSealed,
        locale: 'ru',
        consentVersion: 'v1',
        guests: 0,
        status: 'CONFIRMED',
      },
    });

    const listed = await listAttendees(event.id, organizer);
    expect(listed.map((row) => row.email)).toEqual(['attendee@example.org']);
    let entries = await entriesFor(event.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: organizer.id, action: 'event.attendees.view', subjectType: 'Event', subjectId: event.id });
    expect(entries[0]!.details).toBeNull();

    const searched = await listAttendees(event.id, organizer, 'Madina');
    expect(searched).toHaveLength(1);
    entries = await entriesFor(event.id);
    expect(entries.map((entry) => entry.action)).toEqual(['event.attendees.view', 'event.attendees.view']);
    expectNothingPersonal(entries, 'Madina', 'attendee@');
  });
});
