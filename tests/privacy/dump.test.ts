import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMasterKey } from '@/lib/security/keyring';
import { applyMigrations } from '@/scripts/lib/migration-engine';
import { freePort } from '@/scripts/lib/free-port';
import { startDebianPostgres, type DebianPostgres } from '@/tests/support/debian-postgres';

/*
 * What a leaked backup holds: `pg_dump` of a database in which people signed (and confirmed), RSVPed,
 * subscribed to reform alerts, were mailed (outbox, mail jobs, caught mail) and received a campaign
 * (its ledger). None of their addresses, names, cities or comments may be in it.
 *
 * The dump needs Debian's pg_dump (15), which refuses the embedded PostgreSQL 18, so this file runs
 * on Debian's PostgreSQL 15: DATABASE_URL is switched before any module that reads it is imported.
 */

const PEOPLE = [
  { email: 'Aigerim.Dumpova+petition@example.org', name: 'Aigerim Dumpova', city: 'Taldykorgan-Dump', comment: 'My sister lives with him' },
  { email: 'dana.sealedtest@example.kz', name: 'Dana Sealedtestova', city: 'Kokshetau-Dump', comment: 'I was afraid to sign' },
];
/** Every value that must not be readable in the dump, in the forms it could take. */
const SECRETS = PEOPLE.flatMap((person) => [
  person.email,
  person.email.toLowerCase(),
  person.email.split('@')[0]!.toLowerCase(),
  person.name,
  person.name.split(' ')[1]!,
  person.city,
  person.comment,
]);

let pg15: DebianPostgres;
let dump: string;
let organizerEmail: string;

beforeAll(async () => {
  pg15 = await startDebianPostgres();
  await applyMigrations(pg15.url);
  process.env.DATABASE_URL = pg15.url;

  const { db } = await import('@/lib/db');
  const { signPetition } = await import('@/lib/petitions/sign-petition');
  const { sendSignatureMails } = await import('@/lib/petitions/send-signature-mails');
  const { confirmSignature } = await import('@/lib/petitions/confirm-signature');
  const { rsvpToEvent } = await import('@/lib/events/rsvp-to-event');
  const { sendRsvpMails } = await import('@/lib/events/send-rsvp-mails');
  const { requestReformAlerts } = await import('@/lib/reforms/subscribe');
  const { startCampaign } = await import('@/lib/campaigns/start-campaign');
  const { runCampaignSender } = await import('@/lib/campaigns/sender/run-campaign-sender');
  const { createBulkTransport } = await import('@/lib/campaigns/transport');
  const { actorFor } = await import('@/tests/support/actor');
  const { startSmtpCatcher } = await import('@/scripts/lib/smtp-catcher');
  const { outboxTo } = await import('@/tests/support/personal-data');
  const { createCampaign: createEventCampaign, createEvent } = await import('@/tests/events/fixtures');
  const { createCampaign, createOrganizer } = await import('@/tests/campaigns/helpers/fixtures');
  const { createPetition } = await import('@/tests/petitions/fixtures');

  const petition = await createPetition();
  const event = await createEvent((await createEventCampaign()).id);
  const reform = await db.reform.create({
    data: { slug: 'dump-reform', title: { en: 'Dump reform' }, summary: {}, currentStage: 'PROPOSED' },
  });

  for (const [index, person] of PEOPLE.entries()) {
    const requester = { clientAddress: `203.0.113.${index + 10}` };
    await signPetition(
      petition.slug,
      {
        fullName: person.name,
        email: person.email,
        region: 'ALMATY',
        city: person.city,
        comment: person.comment,
        isPublic: true,
        consent: true,
        wantsUpdates: true,
        locale: 'ru',
        website: undefined,
      },
      requester,
    );
    await rsvpToEvent(
      event.slug,
      { name: person.name, email: person.email, guests: 0, consent: true, locale: 'kk', website: undefined },
      requester,
    );
    await requestReformAlerts(
      { email: person.email, locale: 'en', scope: reform.id, frequency: 'EACH', consent: 'on', website: '' },
      requester,
    );
  }
  await sendSignatureMails();
  await sendRsvpMails();
  for (const person of PEOPLE) {
    const [mail] = await outboxTo(person.email, { template: 'petition-confirm' });
    const token = new URL((mail!.payload as { props: { confirmUrl: string } }).props.confirmUrl).searchParams.get('token')!;
    expect((await confirmSignature(token)).status).toBe('confirmed');
  }

  // A campaign to the signers who want updates, delivered to the local catcher (caught mail) and ledgered.
  const catcher = await startSmtpCatcher({
    port: await freePort(),
    databaseUrl: pg15.url,
    masterKey: parseMasterKey(process.env.DAUYS_MASTER_KEY!),
  });
  const organizer = await createOrganizer('dump.organizer@example.org');
  organizerEmail = 'dump.organizer@example.org';
  const campaignId = await createCampaign(organizer, { audience: { sources: [{ type: 'petition', petitionId: petition.id }] } });
  await startCampaign(campaignId, await actorFor(organizer));
  const transport = createBulkTransport({ url: `smtp://127.0.0.1:${catcher.port}` });
  const result = await runCampaignSender({ transport, ratePerSecond: 0, ratePerHour: 0 });
  transport.close();
  expect(result.sent).toBe(PEOPLE.length);
  await catcher.stop();

  const counts = await db.$queryRaw<Array<Record<string, number>>>`
    SELECT (SELECT count(*)::int FROM "Signature" WHERE status = 'CONFIRMED') AS signatures,
           (SELECT count(*)::int FROM "Rsvp") AS rsvps,
           (SELECT count(*)::int FROM "ReformSubscription") AS subscriptions,
           (SELECT count(*)::int FROM "OutboundMail") AS outbox,
           (SELECT count(*)::int FROM "CampaignRecipient" WHERE status = 'SENT') AS ledger,
           (SELECT count(*)::int FROM "CaughtMail") AS caught`;
  expect(counts[0]).toMatchObject({ signatures: 2, rsvps: 2, subscriptions: 2, ledger: 2, caught: 2 });
  expect(counts[0]!.outbox).toBeGreaterThanOrEqual(6);
  await db.$disconnect();
  dump = pg15.dump();
}, 120_000);

afterAll(() => pg15?.stop());

describe('pg_dump of a database with signatures, RSVPs, subscriptions, mail and a campaign', () => {
  it('holds none of the people’s addresses, names, cities or comments', () => {
    const found = SECRETS.filter((secret) => dump.toLowerCase().includes(secret.toLowerCase()));
    expect(found).toEqual([]);
  });

  it('is a real dump of that data (so the check above can fail)', () => {
    expect(dump).toContain('COPY public."Signature"');
    expect(dump).toContain('COPY public."CaughtMail"');
    expect(dump).toContain('Test petition');
    // Organizers are not supporters: their own addresses stay readable (docs/privacy.md).
    expect(dump).toContain(organizerEmail);
  });
});
