import { keyring } from '@/lib/security/personal-data';
import { actorFor } from '@/tests/support/actor';
import { emailIndexOf, opened, sealedSigner } from '@/tests/support/personal-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { countAudience } from '@/lib/campaigns/count-audience';
import { eraseSupporter } from '@/lib/supporters/erase-supporter';
import { exportSupporter } from '@/lib/supporters/export-supporter';
import { getPreferences, savePreferences } from '@/lib/supporters/manage-preferences';
import { stopWorkers } from '@/lib/queue';
import { searchSupporters } from '@/lib/supporters/queries';
import { tagSupportersByFilter } from '@/lib/supporters/tag-supporters';
import { createUnsubscribeToken } from '@/lib/unsubscribe/tokens';
import { createOrganizer, createSupporter } from './helpers/fixtures';

let organizer: { id: string };
const petitions: Record<string, string> = {};

async function createPetition(slug: string) {
  const petition = await db.petition.create({
    data: {
      slug,
      title: { en: slug, ru: slug, kk: slug },
      summary: {},
      body: {},
      addressee: {},
      goal: 100,
      milestones: [],
      status: 'OPEN',
    },
  });
  return petition.id;
}

async function sign(petitionId: string, supporterId: string, status: 'CONFIRMED' | 'PENDING' = 'CONFIRMED') {
  const [supporter] = await opened([await db.supporter.findUniqueOrThrow({ where: { id: supporterId } })]);
  const email = String(supporter!.email);
  await db.signature.create({
    data: {
      petitionId,
      supporterId,
      ...(await sealedSigner(email, `Name ${email}`)),
      region: 'ALMATY',
      locale: 'ru',
      status,
      consentVersion: 'v1',
      commentSealed: (await keyring()).seal('text', 'my story'),
      tokenHash: `hash-${petitionId}-${supporterId}`,
      confirmedAt: status === 'CONFIRMED' ? new Date() : null,
    },
  });
}

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

beforeAll(async () => {
  organizer = await createOrganizer();
  petitions.a = await createPetition('a');
  petitions.b = await createPetition('b');
  const both = await createSupporter({ email: 'both@example.org', region: 'ALMATY', locale: 'kk' });
  const onlyA = await createSupporter({ email: 'only-a@example.org', region: 'ASTANA' });
  const onlyB = await createSupporter({ email: 'only-b@example.org', region: 'ALMATY' });
  const noConsent = await createSupporter({ email: 'signed-no-updates@example.org', consent: 'none', region: 'ALMATY' });
  const pending = await createSupporter({ email: 'pending@example.org', region: 'ALMATY' });
  await createSupporter({ email: 'not-a-signer@example.org', region: 'ALMATY' });
  await sign(petitions.a, both.id);
  await sign(petitions.b, both.id);
  await sign(petitions.a, onlyA.id);
  await sign(petitions.b, onlyB.id);
  await sign(petitions.a, noConsent.id);
  await sign(petitions.a, pending.id, 'PENDING');
});

describe('audience unions over actions', () => {
  it('counts each person once across sources, only confirmed signers who consented', async () => {
    expect(await countAudience({ sources: [{ type: 'petition', petitionId: petitions.a! }] })).toBe(2);
    expect(await countAudience({ sources: [{ type: 'petition', petitionId: petitions.b! }] })).toBe(2);
    const union = [
      { type: 'petition', petitionId: petitions.a! },
      { type: 'petition', petitionId: petitions.b! },
    ] as const;
    expect(await countAudience({ sources: [...union] })).toBe(3);
    expect(await countAudience({ sources: [...union], regions: ['ALMATY'] })).toBe(2);
    expect(await countAudience({ sources: [...union], regions: ['ALMATY'], locales: ['kk'] })).toBe(1);
    expect(await countAudience({ sources: [...union, { type: 'updates' }] })).toBe(5);
  });
});

describe('audience unions across capabilities', () => {
  it('unites petition signers and event attendees (confirmed RSVPs only), each person once', async () => {
    const campaign = await db.eventCampaign.create({
      data: { slug: '16-days-test', name: { en: '16 Days' }, startsOn: new Date('2026-11-25'), endsOn: new Date('2026-12-10') },
    });
    const event = await db.event.create({
      data: {
        campaignId: campaign.id,
        slug: 'rally-test',
        title: { en: 'Rally' },
        description: {},
        type: 'RALLY',
        startsAt: new Date('2026-11-25T10:00:00Z'),
        endsAt: new Date('2026-11-25T12:00:00Z'),
        region: 'ALMATY',
        city: { en: 'Almaty' },
        cityKey: 'almaty',
        languages: ['kk', 'ru'],
        organiserName: { en: 'Test' },
        status: 'PUBLISHED',
      },
    });
    const rsvp = async (email: string, status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED') => {
      const supporter = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf(email) } });
      await db.rsvp.create({
        data: {
          eventId: event.id,
          supporterId: supporter.id,
          emailIndex: supporter.emailIndex,
          emailSealed: supporter.emailSealed,
          nameSealed: (await sealedSigner(email, 'X')).fullNameSealed,
          locale: 'ru',
          status,
          consentVersion: 'v1',
        },
      });
    };
    await rsvp('both@example.org', 'CONFIRMED');
    await rsvp('not-a-signer@example.org', 'CONFIRMED');
    await rsvp('only-b@example.org', 'WAITLISTED');
    expect(await countAudience({ sources: [{ type: 'event', eventId: event.id }] })).toBe(2);
    // Signers of A = {both, only-a}; attendees = {both, not-a-signer}: the union holds 3.
    expect(
      await countAudience({
        sources: [
          { type: 'petition', petitionId: petitions.a! },
          { type: 'event', eventId: event.id },
        ],
      }),
    ).toBe(3);
  });
});

describe('supporters', () => {
  it('finds a person by their whole address (sealed: not by a part of it) and tags everyone a filter finds, audit-logged', async () => {
    const found = await searchSupporters({ q: ' Only-A@Example.org ' });
    expect(found.rows.map((row) => row.email)).toEqual(['only-a@example.org']);
    expect((await searchSupporters({ q: 'only-' })).total).toBe(0);
    expect((await searchSupporters({ q: undefined, activity: 'signed', region: 'ALMATY' })).total).toBe(4);
    const added = await tagSupportersByFilter({ q: undefined, region: 'ALMATY', name: 'almaty-volunteers' }, organizer);
    expect(added).toBe(5);
    expect(await tagSupportersByFilter({ q: undefined, region: 'ALMATY', name: 'almaty-volunteers' }, organizer)).toBe(0);
    const tag = await db.tag.findUniqueOrThrow({ where: { name: 'almaty-volunteers' } });
    expect((await searchSupporters({ q: undefined, tagId: tag.id })).total).toBe(5);
    expect(await db.auditLog.count({ where: { action: 'supporter.tag-bulk', actorId: organizer.id } })).toBe(2);
  });

  it('exports one person as JSON, without token hashes, audit-logged', async () => {
    const person = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('both@example.org') } });
    const exported = JSON.parse(await exportSupporter(person.id, await actorFor(organizer)));
    expect(exported.supporter.email).toBe('both@example.org');
    expect(exported.consents).toHaveLength(1);
    expect(exported.signatures).toHaveLength(2);
    expect(exported.signatures[0].comment).toBe('my story');
    expect(exported.signatures[0].tokenHash).toBeUndefined();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'supporter.export', subjectId: person.id } });
    expect(audit.actorId).toBe(organizer.id);
  });

  it('erases the personal data but keeps the signatures counted', async () => {
    const person = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('only-a@example.org') } });
    const confirmedBefore = await db.signature.count({ where: { petitionId: petitions.a!, status: 'CONFIRMED' } });
    const signature = await db.signature.findFirstOrThrow({ where: { supporterId: person.id } });
    await eraseSupporter(person.id, await actorFor(organizer));
    const erasedRow = await db.supporter.findUniqueOrThrow({ where: { id: person.id }, include: { consents: true, signatures: true } });
    const [erased] = await opened([erasedRow]);
    expect(erased!.email).not.toContain('only-a');
    expect(erased!.name).toBeNull();
    expect(erasedRow.consents).toHaveLength(0);
    // The signature stays, counted, and no longer linked to anyone (tests/retention/erasure.test.ts has the rest).
    expect(erasedRow.signatures).toHaveLength(0);
    const [anonymised] = await opened([await db.signature.findUniqueOrThrow({ where: { id: signature.id } })]);
    expect(anonymised).toMatchObject({ fullName: '—', comment: null, status: 'CONFIRMED', region: 'ALMATY', supporterId: null });
    expect(anonymised!.email).not.toContain('only-a');
    expect(await db.signature.count({ where: { petitionId: petitions.a!, status: 'CONFIRMED' } })).toBe(confirmedBefore);
    expect(await countAudience({ sources: [{ type: 'petition', petitionId: petitions.a! }] })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'supporter.erase' } });
    expect(audit.subjectId).toBeNull();
    expect(JSON.stringify(audit)).not.toContain('only-a');
  });
});

describe('manage my subscriptions', () => {
  it("switches topics and the language from any mail's token, and refuses a forged one", async () => {
    const person = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('only-b@example.org') } });
    const token = createUnsubscribeToken({ supporterId: person.id, topic: 'petitions' });
    await db.reformSubscription.create({
      data: { supporterId: person.id, scopeKey: 'all', locale: 'ru', status: 'CONFIRMED', consentVersion: 'test' },
    });
    expect(await getPreferences(token)).toEqual({
      locale: 'ru',
      subscribed: { campaigns: true, petitions: true, reforms: true, events: true },
    });
    await savePreferences({ token, locale: 'kk', topics: ['petitions'] });
    expect(await getPreferences(token)).toEqual({
      locale: 'kk',
      subscribed: { campaigns: false, petitions: true, reforms: false, events: false },
    });
    // Reform alerts, which keep a language of their own, follow the language chosen here.
    expect(await db.reformSubscription.findMany({ where: { supporterId: person.id }, select: { locale: true } })).toEqual([
      { locale: 'kk' },
    ]);
    expect(await countAudience({ sources: [{ type: 'petition', petitionId: petitions.b! }] })).toBe(1);
    await expect(getPreferences(`${token}x`)).rejects.toThrow();
    // A changed character in the middle (where base64url carries a full 6 bits) forges the token.
    const forged = `${token.slice(0, 12)}${token[12] === 'A' ? 'B' : 'A'}${token.slice(13)}`;
    await expect(savePreferences({ token: forged, locale: 'en', topics: [] })).rejects.toThrow();
  });

  it('records switching campaign mail on as a consent', async () => {
    const person = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('signed-no-updates@example.org') } });
    const token = createUnsubscribeToken({ supporterId: person.id, topic: 'campaigns' });
    expect((await getPreferences(token)).subscribed.campaigns).toBe(false);
    await savePreferences({ token, locale: 'ru', topics: ['campaigns'] });
    expect((await getPreferences(token)).subscribed.campaigns).toBe(true);
    expect(await db.consent.count({ where: { supporterId: person.id, purpose: 'updates', action: 'preferences' } })).toBe(1);
  });
});
