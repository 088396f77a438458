'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireOrganizerForAction } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { addBlock, removeBlock } from '@/lib/petitions/blocklist';
import { formInput } from '@/lib/i18n/field-errors';
import { formStateForError, invalidFormState, type FormFailure } from '@/lib/petitions/field-errors';
import { savePetition } from '@/lib/petitions/save-petition';
import { BlockSchema, PetitionFormSchema, TransitionSchema } from '@/lib/petitions/schemas';
import { transitionPetition } from '@/lib/petitions/transition-petition';
import { readLocale } from '@/lib/validation';

export type PetitionFormState = FormFailure | null;

export async function savePetitionAction(
  locale: string,
  id: string | undefined,
  _state: PetitionFormState,
  formData: FormData,
): Promise<PetitionFormState> {
  const organizer = await requireOrganizerForAction();
  const lang = readLocale(locale);
  const parsed = PetitionFormSchema.safeParse(formInput(formData));
  if (!parsed.success) return invalidFormState(parsed.error, lang, formData);
  let saved: { id: string };
  try {
    saved = await savePetition(organizer.id, parsed.data, id);
  } catch (error) {
    return formStateForError(error, lang, formData);
  }
  revalidatePath(`/${lang}/console/petitions`);
  redirect(`/${lang}/console/petitions/${saved.id}`);
}

export async function transitionAction(locale: string, petitionId: string, formData: FormData): Promise<void> {
  const organizer = await requireOrganizerForAction();
  const lang = readLocale(locale);
  const parsed = TransitionSchema.safeParse({
    action: formData.get('action'),
    note: { kk: formData.get('note.kk') ?? '', ru: formData.get('note.ru') ?? '', en: formData.get('note.en') ?? '' },
    date: formData.get('date') || undefined,
  });
  let problem = '';
  if (!parsed.success) problem = 'invalid';
  else {
    try {
      await transitionPetition(organizer.id, petitionId, parsed.data);
    } catch (error) {
      if (!isAppError(error)) throw error;
      problem = 'transition';
    }
  }
  revalidatePath(`/${lang}/console/petitions/${petitionId}`);
  redirect(`/${lang}/console/petitions/${petitionId}${problem ? '?problem=transition' : ''}`);
}

export async function addBlockAction(locale: string, formData: FormData): Promise<void> {
  const organizer = await requireOrganizerForAction();
  const lang = readLocale(locale);
  const parsed = BlockSchema.safeParse({ value: formData.get('value') ?? '', note: formData.get('note') ?? '' });
  if (parsed.success) await addBlock(organizer.id, parsed.data);
  redirect(`/${lang}/console/petitions/blocklist${parsed.success ? '' : '?problem=invalid'}`);
}

export async function removeBlockAction(locale: string, id: string): Promise<void> {
  const organizer = await requireOrganizerForAction();
  await removeBlock(organizer.id, id);
  redirect(`/${readLocale(locale)}/console/petitions/blocklist`);
}
