'use server';

import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/client-ip';
import { confirmSubscription } from '@/lib/reforms/confirm-subscription';
import { appErrorToFieldErrors, formStateForError, invalidFormState, type FormFailure } from '@/lib/reforms/field-errors';
import { SubscribeSchema } from '@/lib/reforms/schemas';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { requestReformAlerts } from '@/lib/reforms/subscribe';
import { readLocale } from '@/lib/validation';

export type SubscribeFormState = FormFailure | null;

/** "Get alerts": safeParse → requestReformAlerts (which guards itself) → the neutral "check your email" page. */
export async function subscribeAction(rawLocale: string, _previous: SubscribeFormState, formData: FormData): Promise<SubscribeFormState> {
  const pageLocale = readLocale(rawLocale);
  const parsed = SubscribeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidFormState(parsed.error, pageLocale, formData);
  try {
    await requestReformAlerts(parsed.data, { clientAddress: await clientIp() });
  } catch (error) {
    return formStateForError(error, pageLocale, formData);
  }
  redirect(`/${pageLocale}/reforms/alerts/sent`);
}

/** The confirmation page's button: the only way a subscription is confirmed (POST, never the mailed GET). */
export async function confirmSubscriptionAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = readLocale(rawLocale);
  const token = MailedTokenSchema.safeParse(formData.get('token'));
  let result = 'invalid';
  if (token.success) {
    try {
      await confirmSubscription(token.data);
      result = 'confirmed';
    } catch (error) {
      if (!appErrorToFieldErrors(error, locale)) throw error;
    }
  }
  redirect(`/${locale}/reforms/alerts/confirm?result=${result}${token.success ? `&token=${encodeURIComponent(token.data)}` : ''}`);
}
