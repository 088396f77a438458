import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createOrganizer, signInAs } from './helpers/auth';
import { keyringOf, withDatabase } from './helpers/mail';

const ORGANIZER = 'bounces-organizer@dauys.localhost';

/** A supporter whose campaign mail bounced for good, as the worker mailbox leaves one. */
async function seedBouncedSupporter(email: string): Promise<string> {
  return withDatabase(async (client) => {
    const ring = await keyringOf(client);
    const id = randomUUID();
    await client.query(
      `INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", "bouncedAt", "bounceReason", "updatedAt")
       VALUES ($1, $2, $3, now(), 'hard bounce 5.1.1: 550 5.1.1 <address>: Recipient address rejected: User unknown', now())`,
      [id, ring.emailIndex(email), ring.seal('email', email)],
    );
    await client.query(
      `INSERT INTO "MailBounce" (id, "supporterId", kind, status, diagnostic, "createdAt")
       VALUES ($1, $2, 'HARD', '5.1.1', '550 5.1.1 <address>: Recipient address rejected: User unknown', now())`,
      [randomUUID(), id],
    );
    return id;
  });
}

test('an organizer sees a bounced address masked with its reason, and lifts the suppression', async ({ page, baseURL }) => {
  await createOrganizer(ORGANIZER).catch(() => undefined);
  const supporterId = await seedBouncedSupporter(`qwerty-${randomUUID().slice(0, 8)}@quokka-mail.example`);
  await signInAs(page.context(), baseURL!, ORGANIZER);

  await page.goto('/en/console/mail-health');
  await page.getByRole('link', { name: 'Bounces and suppressed addresses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bounces' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const suppressed = page.getByRole('region', { name: 'Suppressed addresses' });
  const row = suppressed.getByRole('row').filter({ hasText: 'q***@q***.example' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('550 5.1.1 <address>: Recipient address rejected');
  await expect(page.getByText('@quokka-mail.example')).toHaveCount(0);

  await row.getByRole('button', { name: 'Lift the suppression' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The suppression is lifted' })).toBeVisible();
  await expect(suppressed.getByRole('row').filter({ hasText: 'q***@q***.example' })).toHaveCount(0);
  // The bounce stays in the history, marked lifted.
  await expect(
    page.getByRole('region', { name: 'Bounces received' }).getByRole('row').filter({ hasText: 'q***@q***.example' }),
  ).toContainText('lifted');

  const stored = await withDatabase(async (client) => ({
    supporter: (await client.query('SELECT "bouncedAt" FROM "Supporter" WHERE id = $1', [supporterId])).rows[0],
    audit: (
      await client.query(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'mail.bounce.lift' AND "subjectId" = $1`, [supporterId])
    ).rows[0],
  }));
  expect(stored.supporter.bouncedAt).toBeNull();
  expect(stored.audit.n).toBe(1);

  await page.goto('/ru/console/mail-health/bounces');
  await expect(page.getByRole('heading', { level: 1, name: 'Возвраты писем' })).toBeVisible();
  await page.goto('/kk/console/mail-health/bounces');
  await expect(page.getByRole('heading', { level: 1, name: 'Қайтарылған хаттар' })).toBeVisible();
});
