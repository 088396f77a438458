import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EVENT_TYPES } from '@/lib/events/constants';
import { errorTexts } from '@/lib/events/field-errors';
import { LOCALE_NAMES } from '@/lib/i18n/routing';
import { textsFor } from '@/lib/i18n/texts';
import { LOCALES, readLocale, REGIONS } from '@/lib/validation';
import { SUBMIT_FORM_FIELDS, SUBMIT_FORM_TEXTS } from '../client-texts';
import { submitEventAction } from './actions';
import { SubmitForm } from './submit-form';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'events.submit' });
  return { title: t('title') };
}

export default async function SubmitEventPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const [t, tFields, tEvents, tCommon] = await Promise.all([
    getTranslations({ locale, namespace: 'events.submit' }),
    getTranslations({ locale, namespace: 'events.submit.fields' }),
    getTranslations({ locale, namespace: 'events' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <SubmitForm
        locale={locale}
        action={submitEventAction.bind(null, locale)}
        regions={REGIONS.map((value) => ({ value, label: tCommon(`regions.${value}`) }))}
        types={EVENT_TYPES.map((value) => ({ value, label: tEvents(`types.${value}`) }))}
        languages={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
        texts={textsFor(t, SUBMIT_FORM_TEXTS)}
        fieldLabels={textsFor(tFields, SUBMIT_FORM_FIELDS)}
        errorTexts={errorTexts(locale)}
      />
    </div>
  );
}
