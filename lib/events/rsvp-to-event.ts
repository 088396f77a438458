import { randomUUID } from 'node:crypto';
import { after } from 'next/server';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { spendMailBudget } from '@/lib/mail-budget';
import { sendMail } from '@/lib/mailer';
import { EVENT_PRIVACY_NOTICE_VERSION, RSVP_LIMIT_PER_WINDOW, RSVP_LIMIT_WINDOW_SECONDS } from '@/lib/events/constants';
import { rsvpChangeUrl } from '@/lib/events/links';
import { nudgeJob } from '@/lib/jobs/nudge-job';
import { rsvpMail } from '@/lib/events/rsvp-mail-props';
import type { RsvpData } from '@/lib/events/schemas';
import { createRsvpChangeToken } from '@/lib/events/tokens';
import { getQueue } from '@/lib/queue';
import { guardClientNetwork, type Requester } from '@/lib/rate-limit';
import { requestLogger } from '@/lib/request-logger';
import { keyring, sealPerson, type SealedPerson } from '@/lib/security/personal-data';
import { isSlug } from '@/lib/validation';

type Tx = Prisma.TransactionClient;

export type RsvpOutcome =
  /** The form's hidden honeypot field was filled: answered like any other, nothing stored or mailed. */
  { answer: 'ignored' } | StoredOutcome;

type StoredOutcome = {
  rsvpId: string;
  /**
   * new: stored, holding no seat until the mailed link is pressed (lib/events/confirm-rsvp.ts).
   * existing: the address had answered; that answer stays as it is unless its owner applies the new
   * one from the mailed link (lib/events/apply-rsvp-change.ts).
   */
  answer: 'new' | 'existing';
  /** False when the address's mail budget was spent (lib/mail-budget.ts): nothing was mailed. */
  isMailed: boolean;
};

type EventRow = { id: string; status: string; endsAt: Date; maxGuestsPerRsvp: number; noticeSequence: number };
type Stored = { rsvpId: string; supporterId: string; answer: StoredOutcome['answer'] };

async function findExisting(tx: Tx, eventId: string, emailIndex: string): Promise<Stored | null> {
  const row = await tx.rsvp.findUnique({ where: { eventId_emailIndex: { eventId, emailIndex } }, select: { id: true, supporterId: true } });
  // An anonymised RSVP's index is nobody's ('anonymised:<id>'), so a row found by a person's index always has its supporter.
  return row?.supporterId ? { rsvpId: row.id, supporterId: row.supporterId, answer: 'existing' } : null;
}

/** The person behind the address: found by its blind index, or stored with this answer's sealed address and name. */
async function upsertSupporter(tx: Tx, person: SealedPerson, data: RsvpData, now: Date): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", "nameSealed", locale, "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${person.emailIndex}, ${person.emailSealed}, ${person.nameSealed}, ${data.locale}::"Locale", ${now}, ${now})
    -- A no-op write of a non-key column, as in lib/petitions/sign-petition.ts: setting the unique
    -- emailIndex took FOR UPDATE, which blocks the foreign-key checks of a mail job holding this person's rows.
    ON CONFLICT ("emailIndex") DO UPDATE SET "updatedAt" = "Supporter"."updatedAt"
    RETURNING id`;
  return row!.id;
}

/** The mail with the link that applies a new answer to an existing RSVP; it carries the answer itself. */
async function mailChangeLink(stored: Stored, eventId: string, data: RsvpData, now: Date): Promise<void> {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const change = { rsvpId: stored.rsvpId, name: data.name, guests: data.guests, locale: data.locale };
  const addressee = {
    id: stored.rsvpId,
    email: data.email,
    supporterId: stored.supporterId,
    name: data.name,
    guests: data.guests,
    locale: data.locale,
  };
  await getQueue();
  await sendMail(rsvpMail('change', addressee, event, { confirmUrl: rsvpChangeUrl(data.locale, createRsvpChangeToken(change, now)) }));
}

/** After the response when there is one, so how long the answer takes does not tell which path ran. */
async function afterResponse(work: () => Promise<void>): Promise<void> {
  const eventsLog = await requestLogger('events');
  const guarded = () => work().catch((error: unknown) => eventsLog.error({ err: error }, 'RSVP change mail failed'));
  try {
    after(guarded);
  } catch {
    // Outside a request (scripts, tests) there is no "after": do it now.
    return guarded();
  }
}

/**
 * RSVP without an account. Anyone can type any address, so nothing here depends on who typed it
 * and the caller answers the public the same way in every case. One answer per (event, person), the
 * person being the blind index of the address (Name.Surname+x@gmail.com is namesurname@gmail.com):
 * - a new address is stored waiting for its confirmation, holding no seat until the mailed link is
 *   pressed (so typed addresses cannot fill an event); the seat or waitlist is decided then;
 * - an address that already answered keeps its answer as it is: its owner gets a mail whose link
 *   applies the new one.
 * Either mail draws on the address's mail budget; over it, the answer is still stored but nothing is
 * mailed. The confirmation mail is owed by the row (mailPending) and sent by the events mail job.
 * Guards first: the honeypot, then the requester's network (RSVP_LIMIT_PER_WINDOW).
 */
export async function rsvpToEvent(slug: string, data: RsvpData, requester: Requester = {}): Promise<RsvpOutcome> {
  const now = requester.now ?? new Date();
  if (data.website) return { answer: 'ignored' };
  await guardClientNetwork('events-rsvp', requester, RSVP_LIMIT_PER_WINDOW, RSVP_LIMIT_WINDOW_SECONDS);
  if (!isSlug(slug)) throw new AppError('NOT_FOUND');
  const [event] = await db.$queryRaw<EventRow[]>`
    SELECT id, status::text, "endsAt", "maxGuestsPerRsvp", "noticeSequence" FROM "Event" WHERE slug = ${slug}`;
  if (!event) throw new AppError('NOT_FOUND');
  if (event.status !== 'PUBLISHED' || event.endsAt <= now) throw new AppError('CLOSED');
  if (data.guests > event.maxGuestsPerRsvp) throw new AppError('INVALID', { field: 'guests', messageKey: 'guestsTooMany' });

  const person = sealPerson(await keyring(), data);
  const isMailed = await spendMailBudget(data.email, now);
  const stored = await db.$transaction(async (tx): Promise<Stored> => {
    const existing = await findExisting(tx, event.id, person.emailIndex);
    if (existing) return existing;

    const supporterId = await upsertSupporter(tx, person, data, now);
    const id = randomUUID().replaceAll('-', '');
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Rsvp" (id, "eventId", "supporterId", "emailIndex", "emailSealed", "nameSealed", guests, locale, status,
                          "consentVersion", "notifiedSequence", "mailPending", "createdAt", "updatedAt")
      VALUES (${id}, ${event.id}, ${supporterId}, ${person.emailIndex}, ${person.emailSealed}, ${person.nameSealed}, ${data.guests}, ${data.locale}::"Locale",
              'PENDING_EMAIL', ${EVENT_PRIVACY_NOTICE_VERSION}, ${event.noticeSequence},
              ${isMailed ? 'STATUS' : null}::"RsvpMailKind", ${now}, ${now})
      ON CONFLICT ("eventId", "emailIndex") DO NOTHING
      RETURNING id`;
    if (inserted.length === 0) {
      // The same person answered at the same instant in another request: this one is a change.
      const raced = await findExisting(tx, event.id, person.emailIndex);
      if (!raced) throw new AppError('CONFLICT');
      return raced;
    }
    await tx.consent.create({
      data: { supporterId, purpose: 'privacy_notice', textVersion: EVENT_PRIVACY_NOTICE_VERSION, action: 'event_rsvp', givenAt: now },
    });
    return { rsvpId: id, supporterId, answer: 'new' };
  });

  if (isMailed && stored.answer === 'new') nudgeJob('events.mail');
  if (isMailed && stored.answer === 'existing') await afterResponse(() => mailChangeLink(stored, event.id, data, now));
  return { rsvpId: stored.rsvpId, answer: stored.answer, isMailed };
}
