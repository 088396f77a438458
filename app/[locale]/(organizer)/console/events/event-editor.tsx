import { getTranslations } from 'next-intl/server';
import { toKazakhstanDateTime } from '@/lib/time/kazakhstan';
import { EVENT_TYPES } from '@/lib/events/constants';
import type { Event } from '@/lib/generated/prisma/client';
import { LOCALE_NAMES, type AppLocale } from '@/lib/i18n/routing';
import { LOCALES, REGIONS } from '@/lib/validation';
import { ActionForm, Check, CheckGroup, Field } from './action-form';
import { saveEventAction } from './actions';

type Text = Record<string, string> | null;

/** Create or edit an event; times are typed in Kazakhstan time. */
export async function EventEditor({ locale, event, campaigns }: { locale: AppLocale; event: Event | null; campaigns: Array<{ id: string; label: string }> }) {
  const [t, tEvents, tCommon] = await Promise.all([
    getTranslations({ locale, namespace: 'events.console' }),
    getTranslations({ locale, namespace: 'events' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  const tf = await getTranslations({ locale, namespace: 'events.submit.fields' });
  const text = (value: unknown) => (value ?? {}) as Exclude<Text, null>;
  return (
    <ActionForm action={saveEventAction.bind(null, locale, event?.id ?? null)} schema="event" submit={t('save')}>
      <Field name="slug" label={t('slug')} defaultValue={event?.slug} />
      <Field name="campaignId" label={t('campaign')} defaultValue={event?.campaignId} options={campaigns.map((c) => ({ value: c.id, label: c.label }))} />
      {LOCALES.map((lang) => (
        <Field key={`title-${lang}`} name={`title.${lang}`} label={`${tf('title')} (${LOCALE_NAMES[lang]})`} defaultValue={text(event?.title)[lang]} />
      ))}
      {LOCALES.map((lang) => (
        <Field key={`description-${lang}`} name={`description.${lang}`} label={`${tf('description')} (${LOCALE_NAMES[lang]})`} defaultValue={text(event?.description)[lang]} multiline />
      ))}
      <Field name="type" label={tf('type')} defaultValue={event?.type} options={EVENT_TYPES.map((value) => ({ value, label: tEvents(`types.${value}`) }))} />
      <Field name="startsAt" type="datetime-local" label={tf('startsAt')} defaultValue={event ? toKazakhstanDateTime(event.startsAt) : ''} />
      <Field name="endsAt" type="datetime-local" label={tf('endsAt')} defaultValue={event ? toKazakhstanDateTime(event.endsAt) : ''} />
      <Field name="region" label={tf('region')} defaultValue={event?.region} options={REGIONS.map((value) => ({ value, label: tCommon(`regions.${value}`) }))} />
      <Field name="city" label={tf('city')} defaultValue={event?.city} />
      <Field name="venue" label={tf('venue')} defaultValue={event?.venue} />
      <Field name="address" label={tf('address')} defaultValue={event?.address} />
      <Field name="mapUrl" type="url" label={tf('mapUrl')} defaultValue={event?.mapUrl} />
      <Check name="isOnline" label={tf('isOnline')} defaultChecked={event?.isOnline} />
      <Field name="onlineUrl" type="url" label={tf('onlineUrl')} defaultValue={event?.onlineUrl} />
      <Check name="isOnlineLinkPrivate" label={tf('isOnlineLinkPrivate')} defaultChecked={event?.isOnlineLinkPrivate} />
      <CheckGroup name="languages" legend={tf('languages')}>
        {LOCALES.map((lang) => (
          <Check key={lang} name="languages" value={lang} label={LOCALE_NAMES[lang]} defaultChecked={event ? event.languages.includes(lang) : true} />
        ))}
      </CheckGroup>
      <Field name="capacity" type="number" label={tf('capacity')} defaultValue={event?.capacity} />
      <Field name="maxGuestsPerRsvp" type="number" label={tf('maxGuestsPerRsvp')} defaultValue={event?.maxGuestsPerRsvp ?? 2} />
      {LOCALES.map((lang) => (
        <Field key={`a11y-${lang}`} name={`accessibilityNotes.${lang}`} label={`${tf('accessibilityNotes')} (${LOCALE_NAMES[lang]})`} defaultValue={text(event?.accessibilityNotes)[lang]} />
      ))}
      <Field name="organiserName" label={tf('organiserName')} defaultValue={event?.organiserName} />
    </ActionForm>
  );
}
