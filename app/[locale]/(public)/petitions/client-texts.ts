// The texts this folder's client components take as props, translated here (lib/i18n/texts.ts).
import { getTranslations } from 'next-intl/server';
import { textsFor } from '@/lib/i18n/texts';
import type { AppLocale } from '@/lib/i18n/routing';
import { errorTexts } from '@/lib/petitions/field-errors';
import { REGIONS } from '@/lib/validation';

/** `petitions.form`: the sign form. */
export const SIGN_FORM_TEXTS = [
  'fullName',
  'email',
  'emailHint',
  'region',
  'regionPlaceholder',
  'city',
  'comment',
  'commentHint',
  'honeypot',
  'isPublic',
  'consent',
  'wantsUpdates',
  'submit',
  'submitting',
  'hasErrors',
  'failed',
] as const;

/** What the sign form shows, in `locale`: its regions, texts and error texts. */
export async function signFormTexts(locale: AppLocale) {
  const [t, tCommon] = await Promise.all([
    getTranslations({ locale, namespace: 'petitions.form' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  return {
    regions: REGIONS.map((value) => ({ value, label: tCommon(`regions.${value}`) })),
    texts: textsFor(t, SIGN_FORM_TEXTS),
    errorTexts: errorTexts(locale),
  };
}
