import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

/*
 * The capacity guard. seatsTaken moves only through these statements. Taking seats is ONE
 * conditional UPDATE: concurrent takers queue on the event row's lock, and PostgreSQL re-checks the
 * WHERE clause against the newest row version before updating, so the sum never passes capacity,
 * whatever the concurrency, without SERIALIZABLE retries.
 */

/** Takes `seats` seats (the person plus guests) if they fit; true when taken. */
export async function takeSeats(tx: Tx, eventId: string, seats: number): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "Event" SET "seatsTaken" = "seatsTaken" + ${seats}
     WHERE id = ${eventId} AND (capacity IS NULL OR "seatsTaken" + ${seats} <= capacity)
     RETURNING id`;
  return rows.length === 1;
}

export async function releaseSeats(tx: Tx, eventId: string, seats: number): Promise<void> {
  if (seats <= 0) return;
  await tx.$executeRaw`UPDATE "Event" SET "seatsTaken" = GREATEST("seatsTaken" - ${seats}, 0) WHERE id = ${eventId}`;
}

/**
 * An answer confirmed from its mailed link takes its seats if they fit, otherwise it joins the end
 * of the waitlist; either way it owes its person the mail that says which.
 */
export async function seatOrWaitlist(tx: Tx, eventId: string, rsvpId: string, guests: number): Promise<'CONFIRMED' | 'WAITLISTED'> {
  const seated = await takeSeats(tx, eventId, 1 + guests);
  // clock_timestamp(): the moment this answer met the full event, so the waitlist keeps arrival order.
  await tx.$executeRaw`
    UPDATE "Rsvp" SET status = ${seated ? 'CONFIRMED' : 'WAITLISTED'}::"RsvpStatus",
           "confirmedAt" = CASE WHEN ${seated} THEN clock_timestamp() END,
           "waitlistedAt" = CASE WHEN ${seated} THEN NULL ELSE clock_timestamp() END,
           "mailPending" = 'STATUS', "updatedAt" = now()
     WHERE id = ${rsvpId}`;
  return seated ? 'CONFIRMED' : 'WAITLISTED';
}

type Candidate = { id: string; guests: number };

/**
 * Gives freed seats to the waitlist, in order (waitlistedAt, then id): each waitlisted party that
 * fits the free seats is confirmed, so a party too large for what is free does not keep seats empty
 * for those behind it, and it keeps its place for the next release. Runs in the transaction that
 * freed the seats; the event row is locked first, so promotions of one event never interleave, and
 * waitlisted rows are locked so a concurrent cancellation of one of them is seen.
 * Each promoted RSVP is marked to be told by mail (the row is its own outbox).
 */
export async function promoteWaitlist(tx: Tx, eventId: string, now = new Date()): Promise<string[]> {
  const [event] = await tx.$queryRaw<Array<{ capacity: number | null; seatsTaken: number; status: string }>>`
    SELECT capacity, "seatsTaken", status::text FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
  if (!event || event.status !== 'PUBLISHED') return [];
  let free = event.capacity === null ? Number.POSITIVE_INFINITY : event.capacity - event.seatsTaken;
  if (free <= 0) return [];

  const waiting = await tx.$queryRaw<Candidate[]>`
    SELECT id, guests FROM "Rsvp"
     WHERE "eventId" = ${eventId} AND status = 'WAITLISTED'
     ORDER BY "waitlistedAt", id
     FOR UPDATE`;
  const promoted: Candidate[] = [];
  for (const candidate of waiting) {
    const seats = 1 + candidate.guests;
    if (seats > free) continue;
    promoted.push(candidate);
    free -= seats;
    if (free <= 0) break;
  }
  if (promoted.length === 0) return [];

  const seats = promoted.reduce((sum, candidate) => sum + 1 + candidate.guests, 0);
  if (!(await takeSeats(tx, eventId, seats))) throw new Error('waitlist promotion exceeded capacity under a held lock');
  const ids = promoted.map((candidate) => candidate.id);
  await tx.$executeRaw`
    UPDATE "Rsvp" SET status = 'CONFIRMED', "confirmedAt" = ${now}, "waitlistedAt" = NULL,
                      "mailPending" = 'PROMOTED', "updatedAt" = ${now}
     WHERE id = ANY(${ids}::text[])`;
  return ids;
}
