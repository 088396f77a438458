import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { spendMailBudget } from '@/lib/mail-budget';
import { sendMail } from '@/lib/mailer';
import { SUBMIT_LIMIT_PER_HOUR } from '@/lib/events/constants';
import { dateColumnValue, kazakhstanDateKey } from '@/lib/time/kazakhstan';
import { submissionVerifyUrl } from '@/lib/events/links';
import { placeTimeAndSeats } from '@/lib/events/save-event';
import type { SubmitEventData } from '@/lib/events/schemas';
import { getQueue } from '@/lib/queue';
import { guardClientNetwork, type Requester } from '@/lib/rate-limit';

/** A readable, unique slug from the title (Latin letters and digits; Cyrillic titles get only the suffix). */
export function slugFromTitle(title: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return `${base ? `${base}-` : 'event-'}${randomBytes(3).toString('hex')}`;
}

/**
 * A partner's event: stored as a DRAFT that nobody sees, and a verification link is mailed in the
 * same transaction (within the address's mail budget, lib/mail-budget.ts). Only once the address is
 * verified (by POST) does it reach the moderation queue.
 * The start must fall inside a campaign's dates (Kazakhstan calendar).
 */
export async function submitEvent(data: SubmitEventData, requester: Requester = {}): Promise<{ status: 'submitted' }> {
  if (data.website) return { status: 'submitted' }; // honeypot: answer like a success, store nothing
  await guardClientNetwork('events-submit', requester, SUBMIT_LIMIT_PER_HOUR, 3600);
  const day = dateColumnValue(kazakhstanDateKey(data.startsAt));
  const campaign = await db.eventCampaign.findFirst({
    where: { startsOn: { lte: day }, endsOn: { gte: day } },
    orderBy: { startsOn: 'desc' },
    select: { id: true },
  });
  if (!campaign) throw new AppError('INVALID', { field: 'startsAt', messageKey: 'outsideCampaign' });
  // Over the address's mail budget the draft is still stored; a later submission mails its own link.
  const canMail = await spendMailBudget(data.submitterEmail);
  await getQueue();
  await db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        campaignId: campaign.id,
        slug: slugFromTitle(data.title),
        title: { [data.locale]: data.title },
        description: { [data.locale]: data.description },
        accessibilityNotes: data.accessibilityNotes ? { [data.locale]: data.accessibilityNotes } : undefined,
        ...placeTimeAndSeats(data),
        status: 'DRAFT',
        submitterName: data.submitterName,
        submitterEmail: data.submitterEmail,
        submitterLocale: data.locale,
      },
      select: { id: true },
    });
    if (!canMail) return;
    await sendMail(
      {
        to: data.submitterEmail,
        locale: data.locale,
        template: 'event-submission',
        props: { kind: 'verify', name: data.submitterName, eventTitle: data.title, url: submissionVerifyUrl(data.locale, event.id) },
      },
      tx,
    );
  });
  return { status: 'submitted' };
}
