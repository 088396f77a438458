import { afterAll, describe, expect, it } from 'vitest';
import { actorFor } from '@/tests/support/actor';
import { recordAudit } from '@/lib/audit';
import { getCampaignProgress } from '@/lib/campaigns/queries';
import { db } from '@/lib/db';
import { getEventFigures } from '@/lib/events/figures';
import { sendMail } from '@/lib/mailer';
import { getPetitionFigures } from '@/lib/petitions/figures';
import { getQueue, QUEUE_SCHEMA, stopWorkers } from '@/lib/queue';
import { sealCaughtMessage } from '@/lib/mailbox/caught-message';
import { keyring } from '@/lib/security/personal-data';
import { eraseSupporter } from '@/lib/supporters/erase-supporter';
import { addRsvp, addSignature, at, createEvent, createPerson, createPetition, rowsMentioning } from './fixtures';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

// Typed with capitals in one place, as people do; matching is case-insensitive.
const PERSON = { email: 'Gulnara.Erase@Example.org', name: 'Gulnara Erasova' };
const OTHER = { email: 'stays@example.org', name: 'Aliya Staysova' };
const SIGNED_AT = new Date('2025-04-01T09:00:00Z');

/** Every table of the app and of the job queue, partitions included. */
async function allTables(): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', ${QUEUE_SCHEMA}) AND c.relkind IN ('r', 'p')`;
  return rows.map((row) => row.name);
}

async function tablesMentioning(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await allTables()) {
    if ((await rowsMentioning(table, text)) > 0) found.push(table);
  }
  return found.sort();
}

describe('erasing one supporter', () => {
  it('leaves no trace of their address or name anywhere, and every figure as it was', async () => {
    const organizer = await db.user.create({ data: { email: 'organizer@dauys.test', role: 'ORGANIZER' } });
    const person = await createPerson(PERSON.email, PERSON.name);
    const other = await createPerson(OTHER.email, OTHER.name);

    const petition = await createPetition('OPEN');
    await addSignature(petition.id, { ...PERSON, supporterId: person.id, region: 'ALMATY', createdAt: SIGNED_AT, confirmedAt: SIGNED_AT });
    await addSignature(petition.id, {
      ...OTHER,
      supporterId: other.id,
      region: 'ASTANA',
      createdAt: at(SIGNED_AT, 1),
      confirmedAt: at(SIGNED_AT, 1),
    });
    const event = await createEvent(at(SIGNED_AT, 40));
    await addRsvp(event.id, { ...PERSON, supporterId: person.id, status: 'CONFIRMED', guests: 1, createdAt: SIGNED_AT });
    await addRsvp(event.id, { ...OTHER, supporterId: other.id, status: 'CONFIRMED', createdAt: SIGNED_AT });

    // Two mails: one still queued, one delivered (its job finished, the server's answer quoting the address).
    const mail = { to: PERSON.email, supporterId: person.id, locale: 'ru' as const, template: 'test-message' as const };
    const { outboundMailId: queuedId } = await sendMail({ ...mail, props: { requestedBy: PERSON.name } });
    await sendMail({ ...mail, props: { requestedBy: PERSON.name } });
    const boss = await getQueue();
    const [job] = await boss.fetch<{ outboundMailId: string }>('mail.send', { batchSize: 1 });
    await boss.complete('mail.send', job!.id, { response: `250 2.0.0 OK queued for <${PERSON.email}>` });
    const deliveredId = job!.data.outboundMailId;
    await db.outboundMail.update({ where: { id: deliveredId }, data: { status: 'SENT', sentAt: SIGNED_AT, payloadSealed: null } });
    const stillQueuedId = deliveredId === queuedId ? undefined : queuedId;

    const keys = await keyring();
    const caught = async (to: string, raw: string, text: string | null = null) =>
      db.caughtMail.create({
        data: { message: await sealCaughtMessage(keys, { from: 'no-reply@dauys.test', to: [to], subject: 'Test', text, html: null, raw }) },
      });
    await caught(PERSON.email, `To: ${PERSON.name} <${PERSON.email}>\r\n\r\nDear ${PERSON.name}`, `Dear ${PERSON.name}`);
    await caught(OTHER.email, `To: ${OTHER.email}`);

    const campaign = await db.emailCampaign.create({
      data: {
        name: 'Autumn news',
        subject: { ru: 'News' },
        body: { ru: 'Body' },
        audience: {},
        status: 'SENT',
        recipientCount: 2,
        sentCount: 2,
      },
    });
    await db.campaignRecipient.createMany({
      data: [
        { campaignId: campaign.id, supporterId: person.id, locale: 'ru', status: 'SENT', sentAt: SIGNED_AT, messageId: '<c1@dauys.test>' },
        { campaignId: campaign.id, supporterId: other.id, locale: 'ru', status: 'FAILED', lastError: `452 mailbox of ${OTHER.email} full` },
      ],
    });
    const sending = await db.emailCampaign.create({
      data: { name: 'Winter news', subject: { ru: 'News' }, body: { ru: 'Body' }, audience: {}, status: 'SENDING', recipientCount: 1 },
    });
    await db.campaignRecipient.create({
      data: {
        campaignId: sending.id,
        supporterId: person.id,
        locale: 'ru',
        status: 'PENDING',
        lastError: `421 try later <${PERSON.email}>`,
      },
    });

    await recordAudit({
      actorId: organizer.id,
      action: 'supporter.tag-bulk',
      subjectType: 'Supporter',
      subjectId: person.id,
      details: { email: PERSON.email.toLowerCase(), name: PERSON.name, tag: 'volunteers' },
    });
    await recordAudit({ actorId: organizer.id, action: 'petition.export', details: { note: `asked by ${PERSON.email}`, rows: 2 } });

    const mentioned = await tablesMentioning(PERSON.email);
    for (const table of ['CaughtMail', 'AuditLog', 'OutboundMail', 'Signature', 'Rsvp', 'Supporter', 'CampaignRecipient']) {
      expect(mentioned).toContain(`public."${table}"`);
    }
    // A mail.send job carries the message sealed (its body names the person); the finished one also the server's answer.
    expect(await rowsMentioning(`${QUEUE_SCHEMA}.job`, PERSON.name)).toBe(2);
    expect(await rowsMentioning(`${QUEUE_SCHEMA}.job`, PERSON.email)).toBe(1);

    const now = at(SIGNED_AT, 50);
    const figuresBefore = {
      petition: await getPetitionFigures(petition.id),
      event: await getEventFigures({ eventId: event.id }, now),
      campaign: await getCampaignProgress(campaign.id),
      sending: await getCampaignProgress(sending.id),
      stored: await db.emailCampaign.findMany({ orderBy: { id: 'asc' }, select: { recipientCount: true, sentCount: true } }),
    };

    await eraseSupporter(person.id, await actorFor(organizer), now);

    expect(await tablesMentioning(PERSON.email)).toEqual([]);
    expect(await tablesMentioning(PERSON.name)).toEqual([]);
    expect(await getPetitionFigures(petition.id)).toEqual(figuresBefore.petition);
    expect(await getEventFigures({ eventId: event.id }, now)).toEqual(figuresBefore.event);
    expect(await getCampaignProgress(campaign.id)).toEqual(figuresBefore.campaign);
    expect((await getCampaignProgress(sending.id))?.total).toBe(figuresBefore.sending?.total);
    expect(await db.emailCampaign.findMany({ orderBy: { id: 'asc' }, select: { recipientCount: true, sentCount: true } })).toEqual(
      figuresBefore.stored,
    );

    // The queued mail is not sent; the campaign that is still sending skips the person.
    if (stillQueuedId) expect((await db.outboundMail.findUniqueOrThrow({ where: { id: stillQueuedId } })).status).toBe('SKIPPED');
    expect((await db.campaignRecipient.findFirstOrThrow({ where: { campaignId: sending.id } })).status).toBe('SKIPPED');

    // Everyone else is untouched.
    expect(await rowsMentioning('"Signature"', OTHER.email)).toBe(1);
    expect(await rowsMentioning('"Rsvp"', OTHER.name)).toBe(1);
    expect(await rowsMentioning('"CaughtMail"', OTHER.email)).toBe(1);
    expect(await rowsMentioning('"CampaignRecipient"', OTHER.email)).toBe(1);

    // The audit log keeps what was done, and that an erasure happened, not whose.
    const tagged = await db.auditLog.findFirstOrThrow({ where: { action: 'supporter.tag-bulk' } });
    expect(tagged.details).toMatchObject({ tag: 'volunteers' });
    const erasure = await db.auditLog.findFirstOrThrow({ where: { action: 'supporter.erase' } });
    expect(erasure).toMatchObject({ actorId: organizer.id, subjectType: 'Supporter', subjectId: null });
    expect(erasure.details).toMatchObject({ signatures: 1, rsvps: 1, outboundMails: 2, jobs: 2, caughtMails: 1, campaignRecipients: 2 });
    expect(JSON.stringify(erasure)).not.toContain(person.id);
  });
});
