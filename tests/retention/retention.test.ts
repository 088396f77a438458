import { sealCaughtMessage } from '@/lib/mailbox/caught-message';
import { keyring } from '@/lib/security/personal-data';
import { emailIndexOf, opened, openedOutbox, readableRows } from '@/tests/support/personal-data';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getEventFigures } from '@/lib/events/figures';
import { findConsolePetitions, getPetitionFigures } from '@/lib/petitions/figures';
import { ANONYMISED_DOMAIN, REDACTED_ADDRESS } from '@/lib/retention/anonymise';
import { applyRetention, IMPORT_EXPIRED } from '@/lib/retention/apply-retention';
import { retentionPeriods } from '@/lib/retention/periods';
import { addRsvp, addSignature, at, createEvent, createPerson, createPetition, plusMonths } from './fixtures';

// Every run takes its `now` from the fixtures' own instants: nothing here reads the real clock.
// The defaults under test: 6 months, 30 days (RSVPs, client addresses), 7 days (outbox, caught mail).
const CLOSED_AT = new Date('2025-03-10T08:00:00Z');

const PERSON = { email: 'Zhanar.Signer@Example.org', name: 'Zhanar Signerova' };

async function snapshot() {
  const [signatures, rsvps, mails, caught, consents, audits] = await Promise.all([
    db.signature.findMany({ orderBy: { id: 'asc' } }),
    db.rsvp.findMany({ orderBy: { id: 'asc' } }),
    db.outboundMail.findMany({ orderBy: { id: 'asc' } }),
    db.caughtMail.findMany({ orderBy: { id: 'asc' } }),
    db.consent.findMany({ orderBy: { id: 'asc' } }),
    db.auditLog.count(),
  ]);
  return { signatures, rsvps, mails, caught, consents, audits };
}

describe('signatures are anonymised six months after their petition ended, figures unchanged', () => {
  it('keeps them a day before, anonymises them a day after, and a second run changes nothing', async () => {
    const periods = retentionPeriods();
    expect(periods.signatureMonths).toBe(6);
    const closed = await createPetition('CLOSED', { closesAt: CLOSED_AT });
    const open = await createPetition('OPEN');
    const person = await createPerson(PERSON.email, PERSON.name);
    // Signatures over several days and regions, one still pending: every figure has something to keep.
    await addSignature(closed.id, {
      ...PERSON,
      supporterId: person.id,
      region: 'ALMATY',
      createdAt: at(CLOSED_AT, -20),
      confirmedAt: at(CLOSED_AT, -20),
    });
    const others = [
      { region: 'ALMATY', day: -20 },
      { region: 'ASTANA', day: -12 },
      { region: 'ASTANA', day: -3 },
      { region: 'SHYMKENT', day: -3 },
    ] as const;
    for (const [index, other] of others.entries()) {
      await addSignature(closed.id, {
        email: `other-${index}@example.org`,
        name: `Other Signer ${index}`,
        region: other.region,
        createdAt: at(CLOSED_AT, other.day),
        confirmedAt: at(CLOSED_AT, other.day),
      });
    }
    await addSignature(closed.id, { email: 'late@example.org', name: 'Late Pending', region: 'ALMATY', createdAt: at(CLOSED_AT, -1) });
    const stillOpen = await addSignature(open.id, {
      email: 'open-petition@example.org',
      name: 'Open Petition Signer',
      region: 'ALMATY',
      createdAt: at(CLOSED_AT, -20),
      confirmedAt: at(CLOSED_AT, -20),
    });

    const figuresBefore = await getPetitionFigures(closed.id);
    const consoleBefore = (await findConsolePetitions()).find((row) => row.id === closed.id);
    expect(figuresBefore.confirmed).toBe(5);
    expect(figuresBefore.pending).toBe(1);

    const dueAt = plusMonths(CLOSED_AT, periods.signatureMonths);
    const dayBefore = await applyRetention(at(dueAt, -1));
    expect(dayBefore.signatures).toBe(0);
    expect(await db.signature.count({ where: { petitionId: closed.id, anonymisedAt: null } })).toBe(6);
    expect(await db.signature.count({ where: { petitionId: closed.id, emailIndex: await emailIndexOf(PERSON.email) } })).toBe(1);

    const dayAfter = await applyRetention(at(dueAt, 1));
    expect(dayAfter.signatures).toBe(6);
    expect(dayAfter.petitionConsents).toBe(5);

    expect(await getPetitionFigures(closed.id)).toEqual(figuresBefore);
    expect((await findConsolePetitions()).find((row) => row.id === closed.id)).toEqual(consoleBefore);

    const rows = await opened(await db.signature.findMany({ where: { petitionId: closed.id } }));
    // As whoever holds the key would read them: sealed values opened.
    const stored = (await readableRows(`"Signature"`, `"petitionId" = $1`, closed.id)).join('\n');
    for (const personal of [
      PERSON.email,
      PERSON.name,
      'other-0@example.org',
      'Other Signer',
      'writes:',
      'City of',
      '203.0.113',
      'ip-hash',
    ]) {
      expect(stored).not.toContain(personal.toLowerCase());
    }
    for (const row of rows) {
      expect(row).toMatchObject({ supporterId: null, tokenHash: null, city: null, comment: null, isPublic: false, wantsUpdates: false });
      expect(String(row.email).endsWith(`@${ANONYMISED_DOMAIN}`)).toBe(true);
    }
    // The consents given by signing no longer say which petition the person signed.
    expect(await db.consent.count({ where: { action: `petition:${closed.id}` } })).toBe(0);
    expect(await db.consent.count({ where: { supporterId: person.id, action: 'petition' } })).toBe(1);
    // An open petition's signatures are not touched.
    expect((await opened([await db.signature.findUniqueOrThrow({ where: { id: stillOpen.id } })]))[0]).toMatchObject({
      fullName: 'Open Petition Signer',
      anonymisedAt: null,
    });

    const before = await snapshot();
    expect(await applyRetention(at(dueAt, 2))).toEqual({
      signatures: 0,
      petitionConsents: 0,
      rsvps: 0,
      signatureAddresses: 0,
      outboundMails: 0,
      caughtMails: 0,
      importFiles: 0,
      importRefusedRows: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  const ended = [
    {
      case: 'from the answer when a petition was answered after it closed',
      petition: { status: 'RESPONDED', closesAt: CLOSED_AT, respondedAt: plusMonths(CLOSED_AT, 2) },
      from: plusMonths(CLOSED_AT, 2),
    },
    {
      case: 'from the closing date of a petition left open past it (signing stopped then)',
      petition: { status: 'OPEN', closesAt: CLOSED_AT },
      from: CLOSED_AT,
    },
  ] as const;
  it.each(ended)('counts $case', async ({ petition, from }) => {
    const { status, ...dates } = petition;
    const created = await createPetition(status, dates);
    const signedAt = at(CLOSED_AT, -5);
    await addSignature(created.id, {
      email: `ended-${status.toLowerCase()}@example.org`,
      name: 'Ended Signer',
      region: 'ALMATY',
      createdAt: signedAt,
      confirmedAt: signedAt,
    });
    const dueAt = plusMonths(from, retentionPeriods().signatureMonths);
    await applyRetention(at(dueAt, -1));
    expect(await db.signature.count({ where: { petitionId: created.id, anonymisedAt: null } })).toBe(1);
    await applyRetention(at(dueAt, 1));
    expect(await db.signature.count({ where: { petitionId: created.id, anonymisedAt: null } })).toBe(0);
  });
});

describe('RSVPs are anonymised thirty days after their event ended, figures unchanged', () => {
  it('keeps them a day before, anonymises them a day after', async () => {
    const endsAt = new Date('2025-06-02T15:00:00Z');
    const event = await createEvent(endsAt);
    const created = at(endsAt, -10);
    await addRsvp(event.id, {
      email: 'Attendee.One@Example.org',
      name: 'Attendee Onova',
      status: 'CONFIRMED',
      guests: 2,
      createdAt: created,
    });
    await addRsvp(event.id, { email: 'attendee-two@example.org', name: 'Attendee Twova', status: 'CONFIRMED', createdAt: at(created, 1) });
    await addRsvp(event.id, {
      email: 'attendee-three@example.org',
      name: 'Attendee Threeva',
      status: 'CONFIRMED',
      createdAt: at(created, 2),
      attendedAt: at(endsAt, -1),
    });
    await addRsvp(event.id, { email: 'waiting@example.org', name: 'Waiting Person', status: 'WAITLISTED', createdAt: at(created, 3) });
    await addRsvp(event.id, { email: 'cancelled@example.org', name: 'Cancelled Person', status: 'CANCELLED', createdAt: at(created, 3) });

    const dueAt = at(endsAt, retentionPeriods().rsvpDays);
    const figuresBefore = await getEventFigures({ eventId: event.id }, dueAt);
    const campaignBefore = await getEventFigures({ campaignId: event.campaignId }, dueAt);
    expect(figuresBefore).toMatchObject({ confirmed: 3, waitlisted: 1, attended: 1 });

    expect((await applyRetention(at(dueAt, -1))).rsvps).toBe(0);
    expect(await db.rsvp.count({ where: { eventId: event.id, anonymisedAt: null } })).toBe(5);
    expect((await applyRetention(at(dueAt, 1))).rsvps).toBe(5);

    expect(await getEventFigures({ eventId: event.id }, dueAt)).toEqual(figuresBefore);
    expect(await getEventFigures({ campaignId: event.campaignId }, dueAt)).toEqual(campaignBefore);
    const rows = await opened(await db.rsvp.findMany({ where: { eventId: event.id } }));
    const stored = (await readableRows(`"Rsvp"`, `"eventId" = $1`, event.id)).join('\n');
    for (const personal of ['attendee.one@example.org', 'Attendee Onova', 'attendee-two', 'Waiting Person', 'cancelled@example.org']) {
      expect(stored).not.toContain(personal.toLowerCase());
    }
    expect(rows.every((row) => row.supporterId === null && String(row.email).endsWith(`@${ANONYMISED_DOMAIN}`))).toBe(true);
  });
});

describe('client addresses, outbox bodies and caught mail', () => {
  it('clears signatures’ address hash and prefix after 30 days, the day after and not the day before', async () => {
    const open = await createPetition('OPEN');
    const signedAt = new Date('2025-09-01T10:00:00Z');
    const signature = await addSignature(open.id, {
      email: 'ip@example.org',
      name: 'Ip Signer',
      region: 'ALMATY',
      createdAt: signedAt,
      confirmedAt: signedAt,
    });
    const dueAt = at(signedAt, retentionPeriods().ipDays);
    const signatureNow = async () => (await opened([await db.signature.findUniqueOrThrow({ where: { id: signature.id } })]))[0];
    await applyRetention(at(dueAt, -1));
    expect(await signatureNow()).toMatchObject({ ipPrefix: '203.0.113.0/24' });
    expect((await applyRetention(at(dueAt, 1))).signatureAddresses).toBeGreaterThanOrEqual(1);
    expect(await signatureNow()).toMatchObject({ ipHash: null, ipPrefix: null, fullName: 'Ip Signer', anonymisedAt: null });
  });

  it('strips delivered outbox rows and deletes caught mail after 7 days; mail still owed is kept whole', async () => {
    const sentAt = new Date('2025-10-01T10:00:00Z');
    const person = await createPerson('outbox.person@example.org', 'Outbox Personova');
    const keys = await keyring();
    const personal = {
      toAddressSealed: keys.seal('email', 'outbox.person@example.org'),
      supporterId: person.id,
      template: 'test-message',
      subject: 'Hello Outbox Personova',
      payloadSealed: keys.seal(
        'mail',
        JSON.stringify({ props: { name: 'Outbox Personova', link: 'https://dauys.test/confirm?token=secret' } }),
      ),
      createdAt: sentAt,
    };
    const sent = await db.outboundMail.create({ data: { ...personal, status: 'SENT', sentAt, lastAttemptAt: sentAt } });
    const failed = await db.outboundMail.create({
      data: { ...personal, status: 'FAILED', lastAttemptAt: sentAt, lastError: '550 5.1.1 <outbox.person@example.org>: no such user' },
    });
    const owed = await db.outboundMail.create({ data: { ...personal, status: 'PENDING' } });
    const caught = await db.caughtMail.create({
      data: {
        message: await sealCaughtMessage(keys, {
          from: 'no-reply@dauys.test',
          to: ['outbox.person@example.org'],
          subject: 'Hello',
          text: null,
          html: null,
          raw: 'To: outbox.person@example.org\r\n\r\nHello Outbox Personova',
        }),
        receivedAt: sentAt,
      },
    });

    const dueAt = at(sentAt, retentionPeriods().mailDays);
    await applyRetention(at(dueAt, -1));
    expect(await openedOutbox({}, { to: 'outbox.person@example.org' })).toHaveLength(3);
    expect(await db.caughtMail.count({ where: { id: caught.id } })).toBe(1);

    const counts = await applyRetention(at(dueAt, 1));
    expect(counts).toMatchObject({ outboundMails: 2, caughtMails: 1 });
    for (const id of [sent.id, failed.id]) {
      const [row] = await openedOutbox({ id });
      expect(row).toMatchObject({
        toAddress: REDACTED_ADDRESS,
        payload: null,
        lastError: null,
        supporterId: null,
        template: 'test-message',
      });
      expect(JSON.stringify(row).toLowerCase()).not.toContain('personova');
    }
    expect(await db.outboundMail.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: 'SENT', sentAt });
    expect((await openedOutbox({ id: owed.id }))[0]).toMatchObject({
      status: 'PENDING',
      toAddress: 'outbox.person@example.org',
      redactedAt: null,
    });
    expect(await db.caughtMail.count({ where: { id: caught.id } })).toBe(0);
  });

  it('records one audit entry per run that changed something, with counts and no personal data', async () => {
    const entries = await db.auditLog.findMany({ where: { action: 'retention.apply' }, orderBy: { createdAt: 'asc' } });
    expect(entries.length).toBeGreaterThan(0);
    const text = JSON.stringify(entries).toLowerCase();
    for (const personal of [PERSON.email, PERSON.name, '@example.org', 'personova']) expect(text).not.toContain(personal.toLowerCase());
    expect(entries.every((entry) => entry.actorId === null)).toBe(true);
    expect(entries.at(-1)!.details).toMatchObject({ outboundMails: 2, caughtMails: 1 });
  });
});

describe('imports keep no personal data past their retention', () => {
  it('deletes a file never imported and the rows a run refused 30 days on, not the day before; a running import is left alone', async () => {
    const keys = await keyring();
    const uploadedAt = new Date('2025-04-01T10:00:00Z');
    const file = keys.seal('text', 'email\r\nimport.person@example.org\r\n');
    const base = { target: 'SUPPORTERS' as const, locale: 'en' as const, fileName: 'people.csv', headers: ['email'], totalRows: 1 };
    const neverRun = await db.import.create({ data: { ...base, fileSealed: file, createdAt: uploadedAt } });
    const running = await db.import.create({ data: { ...base, fileSealed: file, status: 'RUNNING', createdAt: uploadedAt } });
    const done = await db.import.create({
      data: {
        ...base,
        status: 'DONE',
        refusedRows: 1,
        createdAt: uploadedAt,
        finishedAt: uploadedAt,
        refused: { create: { rowNumber: 2, reasons: ['badEmail'], cellsSealed: keys.seal('text', '["import.person@"]') } },
      },
    });
    const days = retentionPeriods().importDays;
    expect(days).toBe(30);

    await applyRetention(at(uploadedAt, days - 1));
    expect(await db.importRefusedRow.count({ where: { importId: done.id } })).toBe(1);
    expect((await db.import.findUniqueOrThrow({ where: { id: neverRun.id } })).fileSealed).toBe(file);

    const counts = await applyRetention(at(uploadedAt, days + 1));
    expect(counts).toMatchObject({ importFiles: 1, importRefusedRows: 1 });
    expect(await db.importRefusedRow.count({ where: { importId: done.id } })).toBe(0);
    expect(await db.import.findUniqueOrThrow({ where: { id: neverRun.id } })).toMatchObject({
      status: 'FAILED',
      fileSealed: null,
      failure: IMPORT_EXPIRED,
    });
    expect((await db.import.findUniqueOrThrow({ where: { id: running.id } })).fileSealed).toBe(file);
    expect(await db.import.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ status: 'DONE', refusedRows: 1 });

    expect(await applyRetention(at(uploadedAt, days + 2))).toMatchObject({ importFiles: 0, importRefusedRows: 0 });
  });
});
