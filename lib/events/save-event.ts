import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { slugSaveError } from '@/lib/database-errors';
import { nudgeJob } from '@/lib/jobs/nudge-job';
import type { EventFormData } from '@/lib/events/schemas';
import { promoteWaitlist } from '@/lib/events/seats';
import { cityKey } from '@/lib/events/city-key';
import { LOCALES } from '@/lib/validation';

/** Fields whose change attendees are told about (and which invalidate a sent reminder if the time moves). */
const PLACE_TIME_FIELDS = ['startsAt', 'endsAt', 'city', 'venue', 'address', 'isOnline', 'onlineUrl'] as const;

function columns(data: EventFormData) {
  return {
    slug: data.slug,
    campaignId: data.campaignId,
    title: data.title,
    description: data.description,
    accessibilityNotes: jsonOrDbNull(data.accessibilityNotes),
    ...placeTimeAndSeats(data),
  };
}

type PlaceTimeAndSeats = Pick<
  EventFormData,
  | 'type'
  | 'startsAt'
  | 'endsAt'
  | 'region'
  | 'city'
  | 'venue'
  | 'address'
  | 'mapUrl'
  | 'isOnline'
  | 'onlineUrl'
  | 'isOnlineLinkPrivate'
  | 'languages'
  | 'capacity'
  | 'maxGuestsPerRsvp'
  | 'organiserName'
>;

const jsonOrDbNull = <Value extends object>(value: Value | null) => value ?? Prisma.DbNull;

/** Whether a column keeps its value; a text per language keeps it when every language does (stored key order aside). */
function sameValue(before: unknown, after: unknown): boolean {
  const isPerLanguage = (value: unknown) => typeof value === 'object' && value !== null && !(value instanceof Date);
  const form = (value: unknown, locale: string) => (isPerLanguage(value) ? String((value as Record<string, unknown>)[locale] ?? '') : '');
  if (isPerLanguage(before) || isPerLanguage(after)) return LOCALES.every((locale) => form(before, locale) === form(after, locale));
  return String(before ?? '') === String(after ?? '');
}

/** The columns an organizer's event and a partner's submission share; an online event keeps no venue. */
export function placeTimeAndSeats(data: PlaceTimeAndSeats) {
  return {
    type: data.type,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    region: data.region,
    city: data.city,
    cityKey: cityKey(data.city),
    venue: jsonOrDbNull(data.isOnline ? null : data.venue),
    address: jsonOrDbNull(data.isOnline ? null : data.address),
    mapUrl: data.isOnline ? null : data.mapUrl,
    isOnline: data.isOnline,
    onlineUrl: data.isOnline ? data.onlineUrl : null,
    isOnlineLinkPrivate: data.isOnline && data.isOnlineLinkPrivate,
    languages: data.languages,
    capacity: data.capacity,
    maxGuestsPerRsvp: data.maxGuestsPerRsvp,
    organiserName: data.organiserName,
  };
}

/**
 * Creates (id null) or edits an event. Every edit raises the iCalendar SEQUENCE; a change of time or
 * place of a published event also raises noticeSequence, which makes the mail job tell attendees.
 * A capacity raise promotes the waitlist; a capacity below the seats already taken is refused.
 */
export async function saveEvent(actorId: string, id: string | null, data: EventFormData): Promise<{ id: string }> {
  try {
    const saved = await db.$transaction(async (tx) => {
      if (!(await tx.eventCampaign.findUnique({ where: { id: data.campaignId }, select: { id: true } }))) {
        throw new AppError('INVALID', { field: 'campaignId', messageKey: 'required' });
      }
      if (!id) {
        const created = await tx.event.create({ data: columns(data), select: { id: true } });
        await recordAudit({ actorId, action: 'event.create', subjectType: 'Event', subjectId: created.id }, tx);
        return { id: created.id, notify: false };
      }
      const [before] = await tx.$queryRaw<Array<{ id: string; seatsTaken: number }>>`
        SELECT id, "seatsTaken" FROM "Event" WHERE id = ${id} FOR UPDATE`;
      if (!before) throw new AppError('NOT_FOUND');
      if (data.capacity !== null && data.capacity < before.seatsTaken)
        throw new AppError('INVALID', { field: 'capacity', messageKey: 'capacityBelowTaken' });
      const previous = await tx.event.findUniqueOrThrow({ where: { id } });
      const next = columns(data);
      const changed = PLACE_TIME_FIELDS.filter((field) => !sameValue(previous[field], next[field]));
      const updated = await tx.event.update({
        where: { id },
        data: { ...next, sequence: { increment: 1 } },
        select: { sequence: true, status: true },
      });
      const notify = changed.length > 0 && updated.status === 'PUBLISHED';
      if (notify) await tx.event.update({ where: { id }, data: { noticeSequence: updated.sequence } });
      if (changed.includes('startsAt')) await tx.rsvp.updateMany({ where: { eventId: id }, data: { reminderSentAt: null } });
      await promoteWaitlist(tx, id);
      await recordAudit({ actorId, action: 'event.update', subjectType: 'Event', subjectId: id, details: { changed } }, tx);
      return { id, notify };
    });
    if (saved.notify) nudgeJob('events.mail');
    return { id: saved.id };
  } catch (error) {
    throw slugSaveError(error);
  }
}
