import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PetitionStatus, SignatureStatus } from '@/lib/generated/prisma/enums';
import { getDashboard, nextMarkOf, signatureDaysSql, type Dashboard } from '@/lib/dashboard/get-dashboard';
import { keyring } from '@/lib/security/personal-data';
import { sealedSigner, sealedSupporter } from '@/tests/support/personal-data';

// 12:00 in Almaty on 25 November 2026: "today" is 2026-11-25 and the window starts on 2026-11-12.
const NOW = new Date('2026-11-25T07:00:00Z');
const text = (value: string) => ({ kk: `${value} kk`, ru: `${value} ru`, en: value });

let sequence = 0;

async function createPetition(status: PetitionStatus, goal: number, milestones: number[], shards: number[]) {
  sequence += 1;
  const petition = await db.petition.create({
    data: {
      slug: `dashboard-petition-${sequence}`,
      title: text(`Petition ${sequence}`),
      summary: text('Summary'),
      body: text('Body'),
      addressee: text('Parliament'),
      goal,
      milestones,
      status,
    },
  });
  // The public count as confirmations leave it, spread over shards (lib/petitions/count.ts).
  await db.petitionCountShard.createMany({ data: shards.map((confirmed, shard) => ({ petitionId: petition.id, shard, confirmed })) });
  return petition;
}

async function sign(petitionId: string, createdAt: string, status: SignatureStatus) {
  sequence += 1;
  await db.signature.create({
    data: {
      petitionId,
      ...(await sealedSigner(`signer-${sequence}@example.org`, 'Aigerim Karimova')),
      region: 'ALMATY',
      locale: 'ru',
      consentVersion: 'test',
      status,
      mailPending: false,
      createdAt: new Date(createdAt),
      confirmedAt: status === 'CONFIRMED' ? new Date(createdAt) : null,
    },
  });
}

let dashboard: Dashboard;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Near its goal: 9 of 10 by the counter (its milestone of 5 is behind it).
  const nearGoal = await createPetition('OPEN', 10, [5], [4, 5]);
  ids.nearGoal = nearGoal.id;
  await sign(nearGoal.id, '2026-11-25T03:00:00Z', 'CONFIRMED'); // 08:00 today
  await sign(nearGoal.id, '2026-11-25T06:59:00Z', 'CONFIRMED'); // 11:59 today
  await sign(nearGoal.id, '2026-11-25T04:00:00Z', 'PENDING'); // 09:00 today
  await sign(nearGoal.id, '2026-11-24T19:00:00Z', 'CONFIRMED'); // 00:00 today in Almaty, still the 24th in UTC
  await sign(nearGoal.id, '2026-11-24T18:59:00Z', 'PENDING'); // 23:59 yesterday
  await sign(nearGoal.id, '2026-11-12T00:00:00Z', 'CONFIRMED'); // 05:00 on the window's first day
  await sign(nearGoal.id, '2026-11-11T18:59:00Z', 'CONFIRMED'); // 23:59 the day before the window: not counted

  // Near a milestone (95 of 100), far from its goal.
  ids.nearMilestone = (await createPetition('OPEN', 1000, [100, 500], [95])).id;
  // Far from everything: 50, next mark 100.
  ids.far = (await createPetition('OPEN', 1000, [100], [50])).id;
  // Closed petitions are not on the dashboard, whatever they got today.
  const closed = await createPetition('CLOSED', 10, [], [9]);
  ids.closed = closed.id;
  await sign(closed.id, '2026-11-25T03:00:00Z', 'CONFIRMED');

  const campaign = await db.eventCampaign.create({
    data: {
      slug: 'dashboard-days',
      name: text('16 Days'),
      startsOn: new Date('2026-11-25T00:00:00Z'),
      endsOn: new Date('2026-12-10T00:00:00Z'),
    },
  });
  const event = (slug: string, data: Partial<Prisma.EventUncheckedCreateInput>) =>
    db.event.create({
      data: {
        campaignId: campaign.id,
        slug,
        title: text(slug),
        description: text('An event'),
        type: 'RALLY',
        startsAt: new Date('2026-11-27T13:00:00Z'),
        endsAt: new Date('2026-11-27T15:00:00Z'),
        region: 'ALMATY',
        city: text('Almaty'),
        cityKey: 'almaty',
        languages: ['kk', 'ru'],
        organiserName: text('Organisers'),
        status: 'PUBLISHED',
        ...data,
      },
    });
  const full = await event('full-rally', { capacity: 20, seatsTaken: 20 });
  ids.full = full.id;
  ids.open = (await event('open-lecture', { startsAt: new Date('2026-11-26T13:00:00Z'), endsAt: new Date('2026-11-26T15:00:00Z') })).id;
  await event('past-march', { startsAt: new Date('2026-11-24T13:00:00Z'), endsAt: new Date('2026-11-24T15:00:00Z') });
  await event('draft-workshop', { status: 'DRAFT' });
  await event('submitted-walk', { status: 'PENDING_REVIEW', submitterVerifiedAt: NOW });
  await event('submitted-vigil', { status: 'PENDING_REVIEW', submitterVerifiedAt: NOW });
  const keys = await keyring();
  const rsvp = async (email: string, status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED') =>
    db.rsvp.create({
      data: {
        eventId: full.id,
        emailIndex: keys.emailIndex(email),
        emailSealed: keys.seal('email', email),
        nameSealed: keys.seal('name', 'Saule'),
        locale: 'ru',
        status,
        consentVersion: 'test',
        waitlistedAt: status === 'WAITLISTED' ? NOW : null,
      },
    });
  await rsvp('confirmed@example.org', 'CONFIRMED');
  await rsvp('waiting-1@example.org', 'WAITLISTED');
  await rsvp('waiting-2@example.org', 'WAITLISTED');
  await rsvp('cancelled@example.org', 'CANCELLED');

  const reform = await db.reform.create({ data: { slug: 'dashboard-reform', title: text('Stalking law'), summary: text('Summary') } });
  const stage = (kind: 'PROPOSED' | 'DRAFTED' | 'SENATE', occurredOn: string) =>
    db.reformStage.create({
      data: { reformId: reform.id, stage: kind, occurredOn: new Date(`${occurredOn}T00:00:00Z`), note: text('Note') },
    });
  await stage('PROPOSED', '2025-03-01');
  await stage('SENATE', '2026-11-20');
  await stage('DRAFTED', '2025-09-15');
  ids.reform = reform.id;

  const emailCampaign = (name: string, data: Partial<Prisma.EmailCampaignUncheckedCreateInput>) =>
    db.emailCampaign.create({ data: { name, subject: text('Subject'), body: text('Body'), audience: {}, ...data } });
  await emailCampaign('November news', { status: 'SENDING', recipientCount: 200, sentCount: 120, failedCount: 3 });
  await emailCampaign('Vigil invitation', { status: 'SCHEDULED', scheduledAt: new Date('2026-11-26T05:00:00Z'), recipientCount: 80 });
  await emailCampaign('Draft', { status: 'DRAFT' });
  await emailCampaign('October news', { status: 'SENT', recipientCount: 10, sentCount: 10 });

  const mail = async (status: 'FAILED' | 'UNCERTAIN' | 'SENT', createdAt: string) =>
    db.outboundMail.create({
      data: {
        toAddressSealed: (await sealedSupporter('reader@example.org')).emailSealed,
        template: 'test',
        subject: 'Test',
        status,
        createdAt: new Date(createdAt),
      },
    });
  await mail('FAILED', '2026-11-24T07:00:00Z');
  await mail('FAILED', '2026-11-18T08:00:00Z');
  await mail('FAILED', '2026-11-18T06:00:00Z'); // 7 days and an hour ago: no longer shown
  await mail('UNCERTAIN', '2026-11-23T07:00:00Z');
  await mail('SENT', '2026-11-25T06:00:00Z');

  dashboard = await getDashboard(NOW);
});

describe('the console dashboard at a fixed moment', () => {
  it('counts each open petition’s signatures per Kazakhstan day, confirmed and pending, over 14 days', () => {
    expect(dashboard.today).toBe('2026-11-25');
    expect(dashboard.firstDay).toBe('2026-11-12');
    expect(dashboard.petitions.map((petition) => petition.id).sort()).toEqual([ids.nearGoal, ids.nearMilestone, ids.far].sort());

    const petition = dashboard.petitions.find((row) => row.id === ids.nearGoal)!;
    expect(petition.days).toHaveLength(14);
    expect(petition.days[0]).toEqual({ day: '2026-11-12', confirmed: 1, pending: 0 });
    expect(petition.days.find((day) => day.day === '2026-11-24')).toEqual({ day: '2026-11-24', confirmed: 0, pending: 1 });
    expect(petition.days.at(-1)).toEqual({ day: '2026-11-25', confirmed: 3, pending: 1 });
    expect(petition.today).toEqual({ confirmed: 3, pending: 1 });
    expect(petition.fortnight).toEqual({ confirmed: 4, pending: 2 });
    // The total is the sharded counter's, not a count of the rows.
    expect(petition.confirmed).toBe(9);

    const quiet = dashboard.petitions.find((row) => row.id === ids.far)!;
    expect(quiet.fortnight).toEqual({ confirmed: 0, pending: 0 });
    expect(quiet.days.every((day) => day.confirmed === 0 && day.pending === 0)).toBe(true);
  });

  it('says which petitions are within 10% of their next milestone or goal', () => {
    const near = dashboard.petitions.filter((petition) => petition.isNearMark);
    expect(near.map((petition) => [petition.id, petition.nextMark]).sort()).toEqual(
      [
        [ids.nearGoal, { value: 10, isGoal: true }],
        [ids.nearMilestone, { value: 100, isGoal: false }],
      ].sort(),
    );
    expect(dashboard.petitions.find((row) => row.id === ids.far)!.nextMark).toEqual({ value: 100, isGoal: false });
    expect(nextMarkOf(1000, 1000, [100])).toEqual({ nextMark: null, isNearMark: false });
  });

  it('lists upcoming published events, soonest first, with their fill and waitlist, and counts events to moderate', () => {
    expect(dashboard.events.map((event) => [event.id, event.seatsTaken, event.capacity, event.waitlisted])).toEqual([
      [ids.open, 0, null, 0],
      [ids.full, 20, 20, 2],
    ]);
    expect(dashboard.awaitingModeration).toBe(2);
  });

  it('shows the latest reform stages, newest first, with their reform', () => {
    expect(dashboard.stages.map((stage) => [stage.stage, stage.occurredOn, stage.reformId])).toEqual([
      ['SENATE', '2026-11-20', ids.reform],
      ['DRAFTED', '2025-09-15', ids.reform],
      ['PROPOSED', '2025-03-01', ids.reform],
    ]);
    expect(dashboard.stages[0]!.reformTitle).toEqual(text('Stalking law'));
  });

  it('shows campaigns being sent or scheduled with their progress', () => {
    expect(dashboard.campaigns.map(({ name, status, recipients, sent, failed }) => ({ name, status, recipients, sent, failed }))).toEqual([
      { name: 'November news', status: 'SENDING', recipients: 200, sent: 120, failed: 3 },
      { name: 'Vigil invitation', status: 'SCHEDULED', recipients: 80, sent: 0, failed: 0 },
    ]);
  });

  it('counts the mail that failed or may not have arrived in the last 7 days', () => {
    expect(dashboard.mail).toEqual({ failed: 2, uncertain: 1, days: 7 });
  });

  it('holds no personal data', () => {
    const shown = JSON.stringify(dashboard);
    expect(shown).not.toMatch(/@example\.org|Aigerim|Saule/);
  });
});

describe('the per-day query', () => {
  it('reads the (petitionId, createdAt) index over the window, not the whole table', async () => {
    // Many old signatures of another petition, so the planner has a table worth not scanning.
    const other = await createPetition('OPEN', 100_000, [], []);
    await db.$executeRaw`
      INSERT INTO "Signature" ("petitionId", "emailIndex", "emailSealed", "fullNameSealed", region, locale, "consentVersion", status, "createdAt")
      SELECT ${other.id}, 'index-' || n, 'sealed', 'sealed', 'ALMATY'::"Region", 'ru'::"Locale", 'test', 'CONFIRMED'::"SignatureStatus",
             TIMESTAMP '2026-06-01 00:00:00' + n * interval '1 minute'
        FROM generate_series(1, 20000) AS n`;
    await db.$executeRaw`ANALYZE "Signature"`;
    const plan = await db.$queryRaw<Array<{ 'QUERY PLAN': string }>>(
      Prisma.sql`EXPLAIN ${signatureDaysSql([ids.nearGoal!, other.id], '2026-11-12', '2026-11-25')}`,
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index.*Signature_petitionId_createdAt_idx/);
    expect(text).not.toMatch(/Seq Scan/);
  });
});
