'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireOrganizerForAction } from '@/lib/auth';
import { setAttendance } from '@/lib/events/check-in';
import { formStateForError, invalidFormState } from '@/lib/events/field-errors';
import { saveEventCampaign } from '@/lib/events/save-event-campaign';
import { saveEvent } from '@/lib/events/save-event';
import { CampaignFormSchema, CancelEventSchema, EventFormSchema, RejectSchema } from '@/lib/events/schemas';
import { transitionEvent } from '@/lib/events/transition-event';
import { formInput, type FormState } from '@/lib/i18n/field-errors';
import { readLocale } from '@/lib/validation';

const lang = (value: string) => readLocale(value);

export async function saveEventAction(rawLocale: string, id: string | null, _state: FormState, formData: FormData): Promise<FormState> {
  const organizer = await requireOrganizerForAction();
  const locale = lang(rawLocale);
  const parsed = EventFormSchema.safeParse(formInput(formData, ['languages']));
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  let saved: { id: string };
  try {
    saved = await saveEvent(organizer.id, id, parsed.data);
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/events`);
  redirect(`/${locale}/console/events/${saved.id}?saved=1`);
}

export async function transitionEventAction(
  rawLocale: string,
  id: string,
  action: 'publish' | 'reject' | 'cancel',
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const organizer = await requireOrganizerForAction();
  const locale = lang(rawLocale);
  try {
    if (action === 'reject') {
      const parsed = RejectSchema.safeParse(formInput(formData));
      if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
      await transitionEvent(organizer.id, id, { action, reason: parsed.data.reason });
    } else if (action === 'cancel') {
      const parsed = CancelEventSchema.safeParse(formInput(formData));
      if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
      await transitionEvent(organizer.id, id, { action, note: parsed.data.note });
    } else {
      await transitionEvent(organizer.id, id, { action });
    }
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/events`);
  revalidatePath(`/${locale}/console/events`);
  return { ok: true };
}

export async function saveEventCampaignAction(
  rawLocale: string,
  id: string | null,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const organizer = await requireOrganizerForAction();
  const locale = lang(rawLocale);
  const parsed = CampaignFormSchema.safeParse(formInput(formData));
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  try {
    await saveEventCampaign(organizer.id, id, parsed.data);
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/console/events/campaigns`);
  return { ok: true };
}

export async function checkInAction(rawLocale: string, eventId: string, formData: FormData): Promise<void> {
  await requireOrganizerForAction();
  const rsvpId = String(formData.get('rsvpId') ?? '');
  const attended = formData.get('attended') === 'true';
  await setAttendance(eventId, rsvpId, attended).catch(() => undefined);
  revalidatePath(`/${lang(rawLocale)}/console/events/${eventId}/check-in`);
}
