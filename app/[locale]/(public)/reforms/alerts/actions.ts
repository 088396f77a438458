'use server';

import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/client-ip';
import { confirmSubscription } from '@/lib/reforms/confirm-subscription';
import { SUBSCRIBE_LIMIT_PER_IP, SUBSCRIBE_LIMIT_WINDOW_SECONDS } from '@/lib/reforms/constants';
import { appErrorToFieldErrors, errorMessage, translateFieldErrors } from '@/lib/reforms/field-errors';
import { SubscribeSchema } from '@/lib/reforms/schemas';
import { MailedTokenSchema } from '@/lib/security/tokens';
import { requestReformAlerts } from '@/lib/reforms/subscribe';
import { hit } from '@/lib/rate-limit';
import { fieldErrorKeys, LocaleSchema, type FieldErrors } from '@/lib/validation';

export type SubscribeFormState = { ok: false; fieldErrors: FieldErrors; formError?: string } | null;

/** "Get alerts": guard (rate limit) → safeParse → requestReformAlerts → the neutral "check your email" page. */
export async function subscribeAction(rawLocale: string, _previous: SubscribeFormState, formData: FormData): Promise<SubscribeFormState> {
  const pageLocale = LocaleSchema.catch('kk').parse(rawLocale);
  const parsed = SubscribeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), pageLocale), formError: errorMessage('formHasErrors', pageLocale) };
  }
  const limit = await hit(`reforms-subscribe:ip:${await clientIp()}`, SUBSCRIBE_LIMIT_PER_IP, SUBSCRIBE_LIMIT_WINDOW_SECONDS);
  if (!limit.allowed) return { ok: false, fieldErrors: {}, formError: errorMessage('rateLimited', pageLocale) };
  if (!parsed.data.website) {
    try {
      await requestReformAlerts(parsed.data);
    } catch (error) {
      const mapped = appErrorToFieldErrors(error, pageLocale);
      if (!mapped) throw error;
      return { ok: false, ...mapped, formError: mapped.formError ?? errorMessage('formHasErrors', pageLocale) };
    }
  }
  redirect(`/${pageLocale}/reforms/alerts/sent`);
}

/** The confirmation page's button: the only way a subscription is confirmed (POST, never the mailed GET). */
export async function confirmSubscriptionAction(rawLocale: string, formData: FormData): Promise<void> {
  const locale = LocaleSchema.catch('kk').parse(rawLocale);
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
