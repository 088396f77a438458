import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { EventStatus } from '@/lib/generated/prisma/enums';
import { sendMail } from '@/lib/mailer';
import { eventPageUrl } from '@/lib/events/links';
import { localized } from '@/lib/i18n/localized';
import { nudgeJob } from '@/lib/jobs/nudge-job';
import { getQueue } from '@/lib/queue';
import { keyring } from '@/lib/security/personal-data';

export type EventTransition = { action: 'publish' } | { action: 'reject'; reason: string } | { action: 'cancel'; note?: string };

const ALLOWED_FROM: Record<EventTransition['action'], EventStatus[]> = {
  publish: ['DRAFT', 'PENDING_REVIEW', 'REJECTED'],
  reject: ['PENDING_REVIEW', 'DRAFT'],
  cancel: ['PUBLISHED'],
};

/**
 * Publish (also: approve a partner submission), reject with a reason, or cancel. A partner who
 * submitted the event is told of approval or rejection by mail; cancelling raises the iCalendar
 * SEQUENCE and noticeSequence, so every attendee gets a cancellation notice with METHOD:CANCEL .ics.
 */
export async function transitionEvent(
  actorId: string,
  eventId: string,
  transition: EventTransition,
  now = new Date(),
): Promise<EventStatus> {
  // Both before the transaction: a first load inside it would take a second connection from the pool.
  await Promise.all([getQueue(), keyring()]);
  const status = await db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<Array<{ status: EventStatus }>>`SELECT status FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
    if (!event) throw new AppError('NOT_FOUND');
    if (!ALLOWED_FROM[transition.action].includes(event.status)) throw new AppError('CONFLICT', { messageKey: 'transitionNotAllowed' });

    let next: EventStatus;
    if (transition.action === 'publish') {
      next = 'PUBLISHED';
      await tx.event.update({
        where: { id: eventId },
        data: { status: next, publishedAt: now, rejectionReason: null, sequence: { increment: 1 } },
      });
    } else if (transition.action === 'reject') {
      next = 'REJECTED';
      await tx.event.update({
        where: { id: eventId },
        data: { status: next, rejectionReason: transition.reason, sequence: { increment: 1 } },
      });
    } else {
      next = 'CANCELLED';
      const updated = await tx.event.update({
        where: { id: eventId },
        data: { status: next, cancelledAt: now, cancellationNote: transition.note ?? null, sequence: { increment: 1 } },
        select: { sequence: true },
      });
      await tx.event.update({ where: { id: eventId }, data: { noticeSequence: updated.sequence } });
    }

    const full = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
    if (full.submitterEmail && full.submitterVerifiedAt && transition.action !== 'cancel') {
      const locale = full.submitterLocale ?? 'ru';
      await sendMail(
        {
          to: full.submitterEmail,
          locale,
          template: 'event-submission',
          props: {
            kind: transition.action === 'publish' ? 'approved' : 'rejected',
            name: full.submitterName ?? '',
            eventTitle: localized(full.title, locale),
            url: transition.action === 'publish' ? eventPageUrl(locale, full.slug) : eventPageUrl(locale, 'submit'),
            ...(transition.action === 'reject' ? { reason: transition.reason } : {}),
          },
        },
        tx,
      );
    }
    await recordAudit(
      {
        actorId,
        action: `event.${transition.action}`,
        subjectType: 'Event',
        subjectId: eventId,
        details: transition.action === 'reject' ? { reason: transition.reason } : undefined,
      },
      tx,
    );
    return next;
  });
  if (status === 'CANCELLED') nudgeJob('events.mail');
  return status;
}
