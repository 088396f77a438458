'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { UpdateHotlinesSchema } from '@/lib/help/schemas';
import { updateHotlines } from '@/lib/help/update-hotlines';
import { fieldErrorKeys, readLocale, type FieldErrors } from '@/lib/validation';

export type UpdateHotlinesResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

export async function updateHotlinesAction(rawLocale: string, input: unknown): Promise<UpdateHotlinesResult> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizer(locale);
  const parsed = UpdateHotlinesSchema.safeParse(input);
  if (!parsed.success) {
    const t = await getTranslations({ locale, namespace: 'errors' });
    const keys = fieldErrorKeys(parsed.error);
    return {
      ok: false,
      fieldErrors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key as never)])),
    };
  }
  await updateHotlines(parsed.data, organizer);
  // The footer of every public page lists the hotlines.
  revalidatePath('/', 'layout');
  return { ok: true };
}
