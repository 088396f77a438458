'use server';

import { revalidatePath } from 'next/cache';
import { requireOrganizer } from '@/lib/auth';
import { UpdateHotlinesSchema } from '@/lib/help/schemas';
import { updateHotlines } from '@/lib/help/update-hotlines';
import { sharedFormErrors } from '@/lib/i18n/field-errors';
import { fieldErrorKeys, readLocale, type FieldErrors } from '@/lib/validation';

export type UpdateHotlinesResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

export async function updateHotlinesAction(rawLocale: string, input: unknown): Promise<UpdateHotlinesResult> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizer(locale);
  const parsed = UpdateHotlinesSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, fieldErrors: sharedFormErrors.translateFieldErrors(fieldErrorKeys(parsed.error), locale) };
  }
  await updateHotlines(parsed.data, organizer);
  // The footer of every public page lists the hotlines.
  revalidatePath('/', 'layout');
  return { ok: true };
}
