import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Marks a confirmed attendee as arrived (or undoes it); only CONFIRMED RSVPs can be checked in. */
export async function setAttendance(eventId: string, rsvpId: string, attended: boolean, now = new Date()): Promise<void> {
  const { count } = await db.rsvp.updateMany({
    where: { id: rsvpId, eventId, status: 'CONFIRMED' },
    data: { attendedAt: attended ? now : null },
  });
  if (count !== 1) throw new AppError('NOT_FOUND');
}
