import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createOrganizer, signInAs } from './helpers/auth';

const ORGANIZER = 'import-organizer@dauys.localhost';

test('an organizer imports supporters from a CSV: maps, sees a problem in Russian, imports, downloads the refused rows', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await createOrganizer(ORGANIZER).catch(() => undefined);
  await signInAs(page.context(), baseURL!, ORGANIZER);
  const run = randomUUID().slice(0, 8);
  const csv = [
    'Имя;Электронная почта;Регион;Дата согласия',
    `Айгерим;aigerim.${run}@example.org;Алматы;01.03.2025`,
    `Марат;marat.${run}@example.org;Марс;01.03.2025`,
    `Дана;dana.${run}@example.org;Астана;01.03.2025`,
  ].join('\r\n');

  await page.goto('/ru/console/supporters');
  await page.getByRole('link', { name: 'Импорт из файла' }).click();
  await page.getByLabel('Файл CSV').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
  await page.getByRole('button', { name: 'Загрузить' }).click();

  // The columns are guessed from the Russian headers.
  await expect(page.getByLabel('Электронная почта')).toHaveValue('Электронная почта');
  await expect(page.getByLabel('Регион')).toHaveValue('Регион');
  await page.getByLabel('Откуда эти люди').fill('Старый список рассылки');
  await page.getByLabel('Они дали согласие в дату из столбца «Дата согласия»').check();
  await page.getByRole('button', { name: 'Проверить файл' }).click();

  const preview = page.getByRole('region', { name: 'Первые строки файла и ошибки в них' });
  await expect(preview.getByRole('row').filter({ hasText: 'Марат' })).toContainText('неизвестный регион');
  await expect(preview.getByRole('row').filter({ hasText: 'Айгерим' })).toContainText('в порядке');
  await page.getByRole('button', { name: 'Импортировать правильные строки' }).click();

  await expect(page.getByLabel('Обработано строк')).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId('import-progress-text').textContent();
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toContain('Обработано 3 из 3 строк: добавлено 2, объединено 0, отклонено 1.');
  await expect(page.getByText('Импорт завершён.')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Скачать отклонённые строки с причиной для каждой (CSV)' }).click();
  const refused = await readFile((await (await download).path())!, 'utf8');
  expect(refused).toContain(`"Марат","marat.${run}@example.org","Марс","01.03.2025","3","неизвестный регион"`);
  expect(refused).not.toContain('Айгерим');
});

test('a refused upload or mapping is explained beside its field, in the page language, and nothing is saved', async ({ page, baseURL }) => {
  await createOrganizer(ORGANIZER).catch(() => undefined);
  await signInAs(page.context(), baseURL!, ORGANIZER);

  await page.goto('/ru/console/supporters/import');
  await page.getByLabel('Файл CSV').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('email\r\n') });
  await page.getByRole('button', { name: 'Загрузить' }).click();
  const file = page.getByLabel('Файл CSV');
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toHaveAccessibleDescription(/В файле нет строк под заголовком/);

  const run = randomUUID().slice(0, 8);
  const csv = `name,email\r\nDana,dana.${run}@example.org\r\n`;
  await file.setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Загрузить' }).click();
  await page.getByLabel('Электронная почта').selectOption('');
  await page.getByLabel('Откуда эти люди').fill('Старый список');
  await page.getByRole('button', { name: 'Проверить файл' }).click();

  const email = page.getByLabel('Электронная почта');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Укажите столбец с почтой.');
  await expect(page.getByRole('button', { name: 'Импортировать правильные строки' })).toHaveCount(0);
});
