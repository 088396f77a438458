'use server';

import { redirect } from 'next/navigation';
import { applyRsvpChange } from '@/lib/events/apply-rsvp-change';
import { cancelRsvp } from '@/lib/events/cancel-rsvp';
import { confirmRsvp } from '@/lib/events/confirm-rsvp';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { readLocale } from '@/lib/validation';

function tokenFrom(formData: FormData): string | null {
  const parsed = MailedTokenSchema.safeParse(formData.get('token'));
  return parsed.success ? parsed.data : null;
}

/** The confirmation page's button: the only way a pending RSVP is confirmed (POST, never the mailed GET). */
export async function confirmRsvpAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const token = tokenFrom(formData);
  const result = token ? await confirmRsvp(token) : { status: 'invalid' as const };
  const outcome = result.status === 'done' ? result.rsvp.toLowerCase() : result.status;
  redirect(`/${locale}/events/rsvp/confirm?result=${outcome}&token=${encodeURIComponent(token ?? '')}`);
}

export async function cancelRsvpAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const token = tokenFrom(formData);
  const result = token ? await cancelRsvp(token) : { status: 'invalid' as const };
  redirect(`/${locale}/events/rsvp/cancel?result=${result.status}`);
}

/** The change page's button: the only way an existing RSVP takes a new answer (POST, never the mailed GET). */
export async function applyRsvpChangeAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  // The change token carries the new answer, so it is longer than MailedTokenSchema allows; applyRsvpChange checks it.
  const token = String(formData.get('token') ?? '');
  const result = await applyRsvpChange(token);
  const outcome =
    result.status !== 'done' ? result.status : result.change === 'guests-unavailable' ? result.change : result.rsvp.toLowerCase();
  const slug = result.status === 'invalid' ? '' : `&event=${encodeURIComponent(result.slug)}`;
  redirect(`/${locale}/events/rsvp/change?result=${outcome}${slug}`);
}
