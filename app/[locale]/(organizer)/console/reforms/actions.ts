'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireOrganizerForAction } from '@/lib/auth';
import { formInput, type FormState } from '@/lib/i18n/field-errors';
import { errorMessage, formStateForError, invalidFormState } from '@/lib/reforms/field-errors';
import { recordStage } from '@/lib/reforms/record-stage';
import { saveReform } from '@/lib/reforms/save-reform';
import { RecordStageSchema, ReformSchema, type RecordStageInput, type ReformInput } from '@/lib/reforms/schemas';
import { readLocale } from '@/lib/validation';

export async function saveReformAction(rawLocale: string, id: string | null, _state: FormState, formData: FormData): Promise<FormState> {
  const organizer = await requireOrganizerForAction();
  const locale = readLocale(rawLocale);
  const input = formInput(formData);
  const parsed = ReformSchema.safeParse(input);
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  let saved: { id: string };
  try {
    saved = await saveReform(id, input as ReformInput, organizer.id);
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/console/reforms`);
  revalidatePath(`/${locale}/reforms`);
  if (!id) redirect(`/${locale}/console/reforms/${saved.id}`);
  return { ok: true };
}

/** Records a stage; saving the same stage and date again records and sends nothing, and says so. */
export async function recordStageAction(rawLocale: string, reformId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const organizer = await requireOrganizerForAction();
  const locale = readLocale(rawLocale);
  const input = formInput(formData);
  const parsed = RecordStageSchema.safeParse(input);
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  let isNew: boolean;
  try {
    ({ isNew } = await recordStage(reformId, input as RecordStageInput, organizer.id));
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/console/reforms/${reformId}`);
  revalidatePath(`/${locale}/reforms`, 'layout');
  return { ok: true, notice: isNew ? undefined : errorMessage('stageDuplicate', locale) };
}
