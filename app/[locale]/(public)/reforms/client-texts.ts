// The texts this folder's client components take as props, translated here (lib/i18n/texts.ts).
import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import { textsFor } from '@/lib/i18n/texts';
import { errorTexts } from '@/lib/reforms/field-errors';
import { FrequencySchema } from '@/lib/reforms/schemas';

/** `reforms.subscribe`: the "Get alerts" form. */
export const SUBSCRIBE_FORM_TEXTS = [
  'email',
  'emailHint',
  'scope',
  'scopeAll',
  'frequency',
  'language',
  'honeypot',
  'consent',
  'submit',
  'submitting',
] as const;

/** What the "Get alerts" form shows, in `locale`: its texts, the frequencies' names and the error texts. */
export async function subscribeFormTexts(locale: AppLocale) {
  const [t, tFrequency] = await Promise.all([
    getTranslations({ locale, namespace: 'reforms.subscribe' }),
    getTranslations({ locale, namespace: 'reforms.frequencyOption' }),
  ]);
  return {
    texts: textsFor(t, SUBSCRIBE_FORM_TEXTS),
    frequencyLabels: textsFor(tFrequency, FrequencySchema.options),
    errorTexts: errorTexts(locale),
  };
}
