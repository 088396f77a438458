import { Prisma } from '@/lib/generated/prisma/client';
import type { Audience, AudienceSource } from '@/lib/campaigns/schemas';
import { eventAttendeesSql } from '@/lib/campaigns/audience/event-attendees';
import { petitionSignersSql } from '@/lib/campaigns/audience/petition-signers';
import { reformSubscribersSql } from '@/lib/campaigns/audience/reform-subscribers';
import { mailableSql } from '@/lib/campaigns/audience/suppressions';
import { updatesSubscribersSql } from '@/lib/campaigns/audience/updates-subscribers';

function sourceSql(source: AudienceSource): Prisma.Sql {
  switch (source.type) {
    case 'updates':
      return updatesSubscribersSql();
    case 'petition':
      return petitionSignersSql(source.petitionId);
    case 'event':
      return eventAttendeesSql(source.eventId);
    case 'reform':
      return reformSubscribersSql(source.reformId);
  }
}

/**
 * A WHERE condition over `"Supporter" s` selecting the audience: in the union of the sources,
 * within the narrowing, and mailable. Every value is a bound parameter.
 */
export function audienceConditionSql(audience: Audience): Prisma.Sql {
  const union = Prisma.join(audience.sources.map(sourceSql), ' UNION ');
  const conditions: Prisma.Sql[] = [Prisma.sql`s.id IN (${union})`, mailableSql()];
  if (audience.regions.length > 0) {
    conditions.push(Prisma.sql`s.region::text IN (${Prisma.join(audience.regions)})`);
  }
  if (audience.locales.length > 0) {
    conditions.push(Prisma.sql`s.locale::text IN (${Prisma.join(audience.locales)})`);
  }
  if (audience.tagIds.length > 0) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "SupporterTag" st
      WHERE st."supporterId" = s.id AND st."tagId" IN (${Prisma.join(audience.tagIds)}))`);
  }
  return Prisma.join(conditions, ' AND ');
}
