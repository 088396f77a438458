'use server';

import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/client-ip';
import { formStateForError, invalidFormState, type FormFailure } from '@/lib/events/field-errors';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { RsvpSchema } from '@/lib/events/schemas';
import { readLocale } from '@/lib/validation';

export type RsvpFormState = FormFailure | null;

/**
 * The RSVP form: safeParse → rsvpToEvent (which guards itself) → "check your email". The answer is
 * the same whatever happened to the address (new, already answered, over its mail budget, a bot):
 * anyone can type anyone's address, and the seat or waitlist is told only behind the mailed link.
 */
export async function rsvpAction(rawLocale: string, slug: string, _previous: RsvpFormState, formData: FormData): Promise<RsvpFormState> {
  const locale = readLocale(rawLocale);
  const parsed = RsvpSchema.safeParse({ ...Object.fromEntries(formData), locale });
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  try {
    await rsvpToEvent(slug, parsed.data, { clientAddress: await clientIp() });
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  redirect(`/${locale}/events/${encodeURIComponent(slug)}/rsvp`);
}
