'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireOrganizerForAction } from '@/lib/auth';
import { errorMessage, formStateForError, translateFieldErrors } from '@/lib/reforms/field-errors';
import { recordStage } from '@/lib/reforms/record-stage';
import { saveReform } from '@/lib/reforms/save-reform';
import { RecordStageSchema, ReformSchema, type RecordStageInput, type ReformInput } from '@/lib/reforms/schemas';
import { fieldErrorKeys, readLocale, type FieldErrors } from '@/lib/validation';

export type ConsoleActionResult = { ok: true; notice?: string } | { ok: false; fieldErrors: FieldErrors; formError?: string };

export async function saveReformAction(rawLocale: string, id: string | null, input: ReformInput): Promise<ConsoleActionResult> {
  const organizer = await requireOrganizerForAction();
  const locale = readLocale(rawLocale);
  const parsed = ReformSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), locale), formError: errorMessage('formHasErrors', locale) };
  let saved: { id: string };
  try {
    saved = await saveReform(id, input, organizer.id);
  } catch (error) {
    return formStateForError(error, locale);
  }
  revalidatePath(`/${locale}/console/reforms`);
  revalidatePath(`/${locale}/reforms`);
  if (!id) redirect(`/${locale}/console/reforms/${saved.id}`);
  return { ok: true };
}

/** Records a stage; saving the same stage and date again records and sends nothing, and says so. */
export async function recordStageAction(rawLocale: string, reformId: string, input: RecordStageInput): Promise<ConsoleActionResult> {
  const organizer = await requireOrganizerForAction();
  const locale = readLocale(rawLocale);
  const parsed = RecordStageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), locale), formError: errorMessage('formHasErrors', locale) };
  let isNew: boolean;
  try {
    ({ isNew } = await recordStage(reformId, input, organizer.id));
  } catch (error) {
    return formStateForError(error, locale);
  }
  revalidatePath(`/${locale}/console/reforms/${reformId}`);
  revalidatePath(`/${locale}/reforms`, 'layout');
  return { ok: true, notice: isNew ? undefined : errorMessage('stageDuplicate', locale) };
}
