'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireOrganizerForAction } from '@/lib/auth';
import { isStepUpRequired } from '@/lib/auth/step-up';
import { isAppError } from '@/lib/errors';
import { formInput } from '@/lib/i18n/field-errors';
import { saveImportSettings, startImport, uploadImport } from '@/lib/imports/manage-imports';
import { ImportIdSchema, type ImportSettingsInput } from '@/lib/imports/schemas';
import { readLocale } from '@/lib/validation';
import { verifyPath } from '@/lib/auth';

const importsPage = (locale: string) => `/${locale}/console/supporters/import`;
const importPage = (locale: string, importId: string) => `${importsPage(locale)}/${encodeURIComponent(importId)}`;

/** Runs a domain call; a stale second factor leads to its check and back, a refusal back to `page` with its key. */
async function orBackTo<T>(locale: string, page: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isStepUpRequired(error)) redirect(verifyPath(locale, page));
    if (!isAppError(error)) throw error;
    const field = error.field ? `&field=${encodeURIComponent(error.field)}` : '';
    redirect(`${page}${page.includes('?') ? '&' : '?'}error=${encodeURIComponent(error.messageKey)}${field}`);
  }
}

/** A CSV file posted with the form (plain multipart; no JavaScript needed), kept sealed for the mapping page. */
export async function uploadImportAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction({ freshFactor: true });
  const target = formData.get('target') === 'SIGNATURES' ? 'SIGNATURES' : 'SUPPORTERS';
  const petitionId = typeof formData.get('petitionId') === 'string' ? String(formData.get('petitionId')) : undefined;
  const back =
    target === 'SIGNATURES' && petitionId ? `${importsPage(locale)}?petition=${encodeURIComponent(petitionId)}` : importsPage(locale);
  const file = formData.get('file');
  const uploaded = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  const { id } = await orBackTo(locale, back, () => uploadImport(organizer, { target, petitionId, locale }, uploaded));
  redirect(importPage(locale, id));
}

/** What the forms of one import's page share: the organizer, the import they post for, and its page. */
async function postedForImport(rawLocale: string, formData: FormData) {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction({ freshFactor: true });
  const parsed = ImportIdSchema.safeParse({ importId: formData.get('importId') });
  if (!parsed.success) redirect(importsPage(locale));
  const { importId } = parsed.data;
  return { locale, organizer, importId, page: importPage(locale, importId) };
}

/** The mapping form: saved, then the same page shows the preview. */
export async function saveImportSettingsAction(rawLocale: string, formData: FormData): Promise<void> {
  const { locale, organizer, importId, page } = await postedForImport(rawLocale, formData);
  const input = formInput(formData) as unknown as ImportSettingsInput;
  await orBackTo(locale, `${page}?edit=1`, () => saveImportSettings(organizer, importId, input));
  revalidatePath(page);
  redirect(`${page}?step=preview`);
}

/** Queues the run; the page then shows its progress. */
export async function startImportAction(rawLocale: string, formData: FormData): Promise<void> {
  const { locale, organizer, importId, page } = await postedForImport(rawLocale, formData);
  await orBackTo(locale, page, () => startImport(organizer, importId));
  revalidatePath(page);
  redirect(`${page}?step=progress`);
}
