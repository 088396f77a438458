import { keyring } from '@/lib/security/personal-data';
import { readableRows, sealedSigner, sealedSupporter } from '@/tests/support/personal-data';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { PetitionStatus, Region, RsvpStatus } from '@/lib/generated/prisma/enums';

/*
 * Rows written with explicit times, so a retention run at a chosen `now` (never the real clock) sees
 * them exactly as old as the test says.
 */

export const DAY = 86_400_000;

export const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

/** `base` plus calendar months, in UTC (as the retention query counts them). */
export function plusMonths(base: Date, months: number): Date {
  const date = new Date(base);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

let sequence = 0;
const text = (value: string) => ({ kk: value, ru: value, en: value });

export async function createPerson(email: string, name: string) {
  return db.supporter.create({ data: { ...(await sealedSupporter(email.toLowerCase(), name)), locale: 'ru', region: 'ALMATY' } });
}

export async function createPetition(status: PetitionStatus, ended: { closesAt?: Date; respondedAt?: Date } = {}) {
  sequence += 1;
  return db.petition.create({
    data: {
      slug: `retention-petition-${sequence}`,
      title: text(`Petition ${sequence}`),
      summary: text('Summary'),
      body: text('Body'),
      addressee: text('Parliament'),
      goal: 100,
      milestones: [],
      status,
      ...ended,
    },
  });
}

export type SignatureSpec = {
  email: string;
  name: string;
  region: Region;
  createdAt: Date;
  /** Confirmed at this instant; pending when absent. */
  confirmedAt?: Date;
  supporterId?: string;
};

/** A signature as signing leaves it: every personal column filled, and the consent the signer gave. */
export async function addSignature(petitionId: string, spec: SignatureSpec) {
  const supporterId = spec.supporterId ?? (await createPerson(spec.email, spec.name)).id;
  const keys = await keyring();
  const signature = await db.signature.create({
    data: {
      petitionId,
      supporterId,
      ...(await sealedSigner(spec.email, spec.name)),
      region: spec.region,
      citySealed: keys.seal('place', `City of ${spec.name}`),
      commentSealed: keys.seal('text', `${spec.name} writes: this matters to me`),
      locale: 'ru',
      isPublic: true,
      wantsUpdates: true,
      status: spec.confirmedAt ? 'CONFIRMED' : 'PENDING',
      consentVersion: 'test-1',
      tokenHash: randomUUID(),
      mailPending: false,
      ipHash: `ip-hash-${randomUUID()}`,
      ipPrefixSealed: keys.seal('network', '203.0.113.0/24'),
      createdAt: spec.createdAt,
      confirmedAt: spec.confirmedAt ?? null,
      expiresAt: spec.confirmedAt ? null : at(spec.createdAt, 7),
    },
  });
  if (spec.confirmedAt) {
    await db.consent.create({
      data: { supporterId, purpose: 'privacy_notice', textVersion: 'test-1', action: `petition:${petitionId}`, givenAt: spec.createdAt },
    });
  }
  return signature;
}

export async function createEvent(endsAt: Date) {
  sequence += 1;
  const campaign = await db.eventCampaign.create({
    data: { slug: `retention-campaign-${sequence}`, name: text('Campaign'), startsOn: at(endsAt, -10), endsOn: at(endsAt, 10) },
  });
  return db.event.create({
    data: {
      campaignId: campaign.id,
      slug: `retention-event-${sequence}`,
      title: text('Rally'),
      description: text('A rally'),
      type: 'RALLY',
      startsAt: new Date(endsAt.getTime() - 2 * 3_600_000),
      endsAt,
      region: 'ALMATY',
      city: text('Almaty'),
      cityKey: 'almaty',
      languages: ['kk', 'ru'],
      organiserName: text('Organisers'),
      status: 'PUBLISHED',
      capacity: 100,
    },
  });
}

export async function addRsvp(
  eventId: string,
  spec: { email: string; name: string; status: RsvpStatus; guests?: number; createdAt: Date; attendedAt?: Date; supporterId?: string },
) {
  const supporterId = spec.supporterId ?? (await createPerson(spec.email, spec.name)).id;
  const sealed = await sealedSigner(spec.email, spec.name);
  return db.rsvp.create({
    data: {
      eventId,
      supporterId,
      emailIndex: sealed.emailIndex,
      emailSealed: sealed.emailSealed,
      nameSealed: sealed.fullNameSealed,
      guests: spec.guests ?? 0,
      locale: 'ru',
      status: spec.status,
      consentVersion: 'test-1',
      confirmedAt: spec.status === 'CONFIRMED' ? spec.createdAt : null,
      attendedAt: spec.attendedAt ?? null,
      createdAt: spec.createdAt,
    },
  });
}

/** How many rows of `table` (schema-qualified when needed) mention `text` anywhere, case-insensitively. */
export async function rowsMentioning(table: string, text: string): Promise<number> {
  return (await readableRows(table)).filter((row) => row.includes(text.toLowerCase())).length;
}
