import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createOrganizer, signInAs } from './helpers/auth';
import { withDatabase } from './helpers/mail';

/* Organizers edit the hotlines that the Get help page and every footer show. */

test.afterAll(async () => {
  // Back to the built-in list, which other specs expect.
  await withDatabase((client) => client.query('DELETE FROM "Hotline"'));
});

test('visitors who are not signed in cannot open the editor', async ({ page }) => {
  await page.goto('/en/console/help');
  await expect(page).toHaveURL(/\/en\/login/);
});

test('an organizer edits, reorders, adds and removes hotlines; the public pages follow', async ({ page, baseURL }) => {
  const email = `help-editor-${Date.now()}@example.org`;
  await createOrganizer(email);
  await signInAs(page.context(), baseURL!, email);

  await page.goto('/en/console/help');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit helplines' })).toBeVisible();
  const line = (position: number) => page.getByRole('group', { name: `Line ${position}`, exact: true });
  await expect(line(1).getByLabel('Number')).toHaveValue('111');
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // A missing translation is refused next to the field, in the page's language.
  await line(2).getByLabel('Name (Kazakh)').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  const kazakhName = line(2).getByLabel('Name (Kazakh)');
  await expect(kazakhName).toHaveAttribute('aria-invalid', 'true');
  await expect(kazakhName).toHaveAccessibleDescription('Please fill in this field.');
  await kazakhName.fill('Жастар желісі');
  await line(2).getByLabel('Name (English)').fill('Youth line (edited)');

  await line(3).getByRole('button', { name: 'Remove line 3' }).click(); // 102
  await line(3).getByRole('button', { name: 'Move line 3 up' }).click(); // 112 before 150

  await page.getByRole('button', { name: 'Add a line' }).click();
  await line(4).getByLabel('Number').fill('+7 727 000 00 00');
  for (const [language, suffix] of [
    ['Kazakh', 'kk'],
    ['Russian', 'ru'],
    ['English', 'en'],
  ] as const) {
    await line(4).getByLabel(`Name (${language})`).fill(`Crisis centre ${suffix}`);
    await line(4).getByLabel(`Description (${language})`).fill(`Shelter and advice ${suffix}`);
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');

  await page.goto('/en/help');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 3 })).toHaveText([
    "Contact centre for family, women's and children's rights",
    'Emergency services',
    'Youth line (edited)',
    'Crisis centre en',
  ]);
  await expect(main.getByRole('link', { name: 'Call +7 727 000 00 00' })).toHaveAttribute('href', 'tel:+77270000000');
  await expect(main.getByRole('link', { name: 'Call 102' })).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toContainText('Crisis centre en');

  await page.goto('/kk/help');
  await expect(page.getByRole('main')).toContainText('Crisis centre kk');

  const audit = await withDatabase((client) =>
    client.query<{ details: { after: string[] } }>(
      `SELECT a.details FROM "AuditLog" a JOIN "User" u ON u.id = a."actorId"
        WHERE a.action = 'help.hotlines.update' AND u.email = $1`,
      [email],
    ),
  );
  expect(audit.rows.map((row) => row.details.after)).toEqual([['111', '112', '150', '+7 727 000 00 00']]);
});
