import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { hitMany } from '@/lib/rate-limit';
import { keyring } from '@/lib/security/personal-data';

/*
 * One budget per mailbox for every mail a stranger can make Dauys send by typing an address into a
 * public form: petition confirmations and their re-sends, RSVP confirmations and change links,
 * event submission verifications, reform alert confirmations, organizer sign-in links. Each domain
 * function that queues such a mail spends from it first; over the budget it stores what was asked
 * for, queues no mail and answers as usual, and the newest link already mailed keeps working.
 *
 * A person needs one such mail at a time, a few when they try several forms or ask again because a
 * mail was slow: five an hour covers that. Twenty a day bounds what a patient stranger can send to
 * someone (a flood from a forged address costs us the recipient's trust and our sender reputation).
 */
export const MAIL_BUDGET_PER_HOUR = 5;
export const MAIL_BUDGET_PER_DAY = 20;

/**
 * Takes one mail from the budget of each address, in order: false where its mailbox has none left.
 * The hour is spent first and only what it allows counts against the day, so a refused burst does
 * not use up the rest of the day. Given `tx`, the spending is part of that transaction.
 */
export async function spendMailBudgets(
  emails: readonly string[],
  now: Date = new Date(),
  tx: Prisma.TransactionClient = db,
): Promise<boolean[]> {
  // Counted per blind index: the counters never hold an address.
  const keys = await keyring();
  const mailboxes = emails.map((email) => keys.emailIndex(email));
  const hourly = await hitMany(
    mailboxes.map((mailbox) => `mail-budget:hour:${mailbox}`),
    MAIL_BUDGET_PER_HOUR,
    3600,
    now,
    tx,
  );
  const daily = await hitMany(
    mailboxes.filter((_, index) => hourly[index]).map((mailbox) => `mail-budget:day:${mailbox}`),
    MAIL_BUDGET_PER_DAY,
    24 * 3600,
    now,
    tx,
  );
  let next = 0;
  return hourly.map((isWithinHour) => isWithinHour && daily[next++]!);
}

/** The one-address form: true when a mail to `email` may be queued now. */
export async function spendMailBudget(email: string, now: Date = new Date()): Promise<boolean> {
  const [isWithin] = await spendMailBudgets([email], now);
  return isWithin!;
}

/**
 * Splits a batch of mails (rows with an `email`) into those within budget and those over it. A job
 * holding row locks passes its `tx`: a second connection taken while it holds them can wait behind
 * requests that wait for those rows; with all the pool's connections held that way, until the
 * transaction times out.
 */
export async function partitionByMailBudget<T extends { email: string }>(
  rows: readonly T[],
  tx: Prisma.TransactionClient = db,
  now: Date = new Date(),
): Promise<{ within: T[]; over: T[] }> {
  const answers = await spendMailBudgets(
    rows.map((row) => row.email),
    now,
    tx,
  );
  return { within: rows.filter((_, index) => answers[index]), over: rows.filter((_, index) => !answers[index]) };
}
