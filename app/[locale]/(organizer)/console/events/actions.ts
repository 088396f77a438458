'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireOrganizerForAction } from '@/lib/auth';
import { setAttendance } from '@/lib/events/check-in';
import { errorMessage, formStateForError, translateFieldErrors } from '@/lib/events/field-errors';
import { saveCampaign } from '@/lib/events/save-campaign';
import { saveEvent } from '@/lib/events/save-event';
import { CampaignFormSchema, CancelEventSchema, EventFormSchema, RejectSchema } from '@/lib/events/schemas';
import { transitionEvent } from '@/lib/events/transition-event';
import { fieldErrorKeys, readLocale, type FieldErrors } from '@/lib/validation';

export type ConsoleFormState = { ok: boolean; fieldErrors: FieldErrors; formError?: string } | null;

const lang = (value: string) => readLocale(value);

/** Nested fields arrive as "title.kk"; languages as several values. */
function eventInput(formData: FormData) {
  const input: Record<string, unknown> = { languages: formData.getAll('languages') };
  for (const [key, value] of formData) {
    if (key === 'languages') continue;
    const [head, tail] = key.split('.');
    if (tail) input[head!] = { ...((input[head!] as object) ?? {}), [tail]: value };
    else input[key] = value;
  }
  return input;
}


export async function saveEventAction(rawLocale: string, id: string | null, _state: ConsoleFormState, formData: FormData): Promise<ConsoleFormState> {
  const organizer = await requireOrganizerForAction();
  const locale = lang(rawLocale);
  const parsed = EventFormSchema.safeParse(eventInput(formData));
  if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), locale), formError: errorMessage('formHasErrors', locale) };
  let saved: { id: string };
  try {
    saved = await saveEvent(organizer.id, id, parsed.data);
  } catch (error) {
    return formStateForError(error, locale);
  }
  revalidatePath(`/${locale}/events`);
  redirect(`/${locale}/console/events/${saved.id}?saved=1`);
}

export async function transitionEventAction(rawLocale: string, id: string, action: 'publish' | 'reject' | 'cancel', _state: ConsoleFormState, formData: FormData): Promise<ConsoleFormState> {
  const organizer = await requireOrganizerForAction();
  const locale = lang(rawLocale);
  try {
    if (action === 'reject') {
      const parsed = RejectSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), locale) };
      await transitionEvent(organizer.id, id, { action, reason: parsed.data.reason });
    } else if (action === 'cancel') {
      const parsed = CancelEventSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), locale) };
      await transitionEvent(organizer.id, id, { action, note: parsed.data.note });
    } else {
      await transitionEvent(organizer.id, id, { action });
    }
  } catch (error) {
    return formStateForError(error, locale);
  }
  revalidatePath(`/${locale}/events`);
  revalidatePath(`/${locale}/console/events`);
  return { ok: true, fieldErrors: {} };
}

export async function saveCampaignAction(rawLocale: string, id: string | null, _state: ConsoleFormState, formData: FormData): Promise<ConsoleFormState> {
  const organizer = await requireOrganizerForAction();
  const locale = lang(rawLocale);
  const parsed = CampaignFormSchema.safeParse(eventInput(formData));
  if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), locale), formError: errorMessage('formHasErrors', locale) };
  try {
    await saveCampaign(organizer.id, id, parsed.data);
  } catch (error) {
    return formStateForError(error, locale);
  }
  revalidatePath(`/${locale}/console/events/campaigns`);
  return { ok: true, fieldErrors: {} };
}

export async function checkInAction(rawLocale: string, eventId: string, formData: FormData): Promise<void> {
  await requireOrganizerForAction();
  const rsvpId = String(formData.get('rsvpId') ?? '');
  const attended = formData.get('attended') === 'true';
  await setAttendance(eventId, rsvpId, attended).catch(() => undefined);
  revalidatePath(`/${lang(rawLocale)}/console/events/${eventId}/check-in`);
}
