import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { canonicalEmail } from '@/lib/security/canonical-email';
import { MAIL_BUDGET_PER_DAY, MAIL_BUDGET_PER_HOUR, spendMailBudget, spendMailBudgets } from '@/lib/mail-budget';

const HOUR_MS = 3600_000;
/** 01:10 UTC of tomorrow's date (UTC): a day window with room for several hour windows after it. */
const dayStart = new Date(Math.floor(Date.now() / (24 * HOUR_MS) + 1) * 24 * HOUR_MS);
const at = (hours: number, minutes = 10) => new Date(dayStart.getTime() + hours * HOUR_MS + minutes * 60_000);

async function spend(email: string, times: number, now: Date): Promise<boolean[]> {
  const answers: boolean[] = [];
  for (let index = 0; index < times; index += 1) answers.push(await spendMailBudget(email, now));
  return answers;
}

describe('the mail budget of one address', () => {
  it('allows five mails an hour and twenty a day; a refused hour does not use up the day', async () => {
    expect([MAIL_BUDGET_PER_HOUR, MAIL_BUDGET_PER_DAY]).toEqual([5, 20]);
    expect(await spend('window@example.org', 8, at(1))).toEqual([true, true, true, true, true, false, false, false]);
    for (const hour of [2, 3, 4]) expect(await spend('window@example.org', 5, at(hour))).toEqual([true, true, true, true, true]);
    expect(await spend('window@example.org', 1, at(5))).toEqual([false]);
    expect(await spend('window@example.org', 1, at(25))).toEqual([true]);
    // Another address has its own budget.
    expect(await spend('other@example.org', 1, at(5))).toEqual([true]);
  });

  it('spends a batch in order, counting an address that appears several times once per mail', async () => {
    const emails = [...Array.from({ length: 7 }, () => 'batch@example.org'), 'Batch+tag@Example.org', 'single@example.org'];
    expect(await spendMailBudgets(emails, at(1))).toEqual([true, true, true, true, true, false, false, false, true]);
    expect(await spendMailBudgets([], at(1))).toEqual([]);
    // The counters do not name the mailbox they count.
    const keys = await db.rateLimitCounter.findMany({ select: { key: true } });
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.map((row) => row.key).join(' ')).not.toMatch(/batch|single|example\.org/i);
  });

  it('counts addresses that reach one mailbox together', () => {
    expect(canonicalEmail(' Dana.Sultanova+events@GoogleMail.com ')).toBe(canonicalEmail('danasultanova@gmail.com'));
    expect(canonicalEmail('dana+a@example.org')).toBe('dana@example.org');
    expect(canonicalEmail('dana.sultanova@example.org')).toBe('dana.sultanova@example.org');
  });
});
