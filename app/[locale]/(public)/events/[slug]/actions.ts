'use server';

import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/client-ip';
import { RSVP_LIMIT_PER_WINDOW, RSVP_LIMIT_WINDOW_SECONDS } from '@/lib/events/constants';
import { errorMessage, formStateForError, translateFieldErrors, type FormFailure } from '@/lib/events/field-errors';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { RsvpSchema } from '@/lib/events/schemas';
import { hit } from '@/lib/rate-limit';
import { fieldErrorKeys, LocaleSchema } from '@/lib/validation';

export type RsvpFormState = FormFailure | null;

/**
 * The RSVP form: guard (rate limit) → safeParse → rsvpToEvent → "check your email". The answer is
 * the same whatever happened to the address (new, already answered, over its mail budget, a bot):
 * anyone can type anyone's address, and the seat or waitlist is told only behind the mailed link.
 */
export async function rsvpAction(rawLocale: string, slug: string, _previous: RsvpFormState, formData: FormData): Promise<RsvpFormState> {
  const locale = LocaleSchema.catch('kk').parse(rawLocale);
  const parsed = RsvpSchema.safeParse({ ...Object.fromEntries(formData), locale });
  if (!parsed.success) {
    return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), locale), formError: errorMessage('formHasErrors', locale) };
  }
  try {
    const limit = await hit(`events-rsvp:ip:${await clientIp()}`, RSVP_LIMIT_PER_WINDOW, RSVP_LIMIT_WINDOW_SECONDS);
    if (!limit.allowed) return { ok: false, fieldErrors: {}, formError: errorMessage('rateLimited', locale) };
    if (!parsed.data.website) await rsvpToEvent(slug, parsed.data);
  } catch (error) {
    return formStateForError(error, locale);
  }
  redirect(`/${locale}/events/${encodeURIComponent(slug)}/rsvp`);
}
