import { Fragment } from 'react';
import { getTranslations } from 'next-intl/server';
import { toKazakhstanDateTime } from '@/lib/time/kazakhstan';
import { EVENT_TYPES } from '@/lib/events/constants';
import type { Event } from '@/lib/generated/prisma/client';
import { LOCALE_NAMES, type AppLocale } from '@/lib/i18n/routing';
import { LOCALES, REGIONS } from '@/lib/validation';
import { ActionForm, Check, CheckGroup, Field, FieldError } from './action-form';
import { saveEventAction } from './actions';

type Text = Record<string, string> | null;

/** Create or edit an event; times are typed in Kazakhstan time. */
export async function EventEditor({
  locale,
  event,
  campaigns,
}: {
  locale: AppLocale;
  event: Event | null;
  campaigns: Array<{ id: string; label: string }>;
}) {
  const [t, tEvents, tCommon] = await Promise.all([
    getTranslations({ locale, namespace: 'events.console' }),
    getTranslations({ locale, namespace: 'events' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  const tf = await getTranslations({ locale, namespace: 'events.submit.fields' });
  const text = (value: unknown) => ({ kk: '', ru: '', en: '', ...(value as Text) });
  // A new event starts on the first choice of each list, as a select with no value shows it.
  const defaultValues = {
    slug: event?.slug ?? '',
    campaignId: event?.campaignId ?? campaigns[0]?.id ?? '',
    title: text(event?.title),
    description: text(event?.description),
    type: event?.type ?? EVENT_TYPES[0],
    startsAt: event ? toKazakhstanDateTime(event.startsAt) : '',
    endsAt: event ? toKazakhstanDateTime(event.endsAt) : '',
    region: event?.region ?? REGIONS[0],
    city: text(event?.city),
    venue: text(event?.venue),
    address: text(event?.address),
    mapUrl: event?.mapUrl ?? '',
    isOnline: event?.isOnline ?? false,
    onlineUrl: event?.onlineUrl ?? '',
    isOnlineLinkPrivate: event?.isOnlineLinkPrivate ?? false,
    languages: event ? event.languages : [...LOCALES],
    capacity: event?.capacity ?? '',
    maxGuestsPerRsvp: event?.maxGuestsPerRsvp ?? 2,
    accessibilityNotes: text(event?.accessibilityNotes),
    organiserName: text(event?.organiserName),
  };
  return (
    <ActionForm
      action={saveEventAction.bind(null, locale, event?.id ?? null)}
      schema="event"
      defaultValues={defaultValues}
      submit={t('save')}
    >
      <Field name="slug" label={t('slug')} />
      <Field name="campaignId" label={t('campaign')} options={campaigns.map((c) => ({ value: c.id, label: c.label }))} />
      {LOCALES.map((lang) => (
        <Field key={`title-${lang}`} name={`title.${lang}`} label={`${tf('title')} (${LOCALE_NAMES[lang]})`} />
      ))}
      {LOCALES.map((lang) => (
        <Field key={`description-${lang}`} name={`description.${lang}`} label={`${tf('description')} (${LOCALE_NAMES[lang]})`} multiline />
      ))}
      <Field name="type" label={tf('type')} options={EVENT_TYPES.map((value) => ({ value, label: tEvents(`types.${value}`) }))} />
      <Field name="startsAt" type="datetime-local" label={tf('startsAt')} />
      <Field name="endsAt" type="datetime-local" label={tf('endsAt')} />
      <Field name="region" label={tf('region')} options={REGIONS.map((value) => ({ value, label: tCommon(`regions.${value}`) }))} />
      {(['city', 'venue', 'address'] as const).map((place) => (
        <Fragment key={place}>
          {LOCALES.map((lang) => (
            <Field key={lang} name={`${place}.${lang}`} label={`${tf(place)} (${LOCALE_NAMES[lang]})`} />
          ))}
          <FieldError name={place} />
        </Fragment>
      ))}
      <Field name="mapUrl" type="url" label={tf('mapUrl')} />
      <Check name="isOnline" label={tf('isOnline')} />
      <Field name="onlineUrl" type="url" label={tf('onlineUrl')} />
      <Check name="isOnlineLinkPrivate" label={tf('isOnlineLinkPrivate')} />
      <CheckGroup name="languages" legend={tf('languages')}>
        {LOCALES.map((lang) => (
          <Check key={lang} name="languages" value={lang} label={LOCALE_NAMES[lang]} />
        ))}
      </CheckGroup>
      <Field name="capacity" type="number" label={tf('capacity')} />
      <Field name="maxGuestsPerRsvp" type="number" label={tf('maxGuestsPerRsvp')} />
      {LOCALES.map((lang) => (
        <Field key={`a11y-${lang}`} name={`accessibilityNotes.${lang}`} label={`${tf('accessibilityNotes')} (${LOCALE_NAMES[lang]})`} />
      ))}
      {LOCALES.map((lang) => (
        <Field key={`organiserName-${lang}`} name={`organiserName.${lang}`} label={`${tf('organiserName')} (${LOCALE_NAMES[lang]})`} />
      ))}
      <FieldError name="organiserName" />
    </ActionForm>
  );
}
