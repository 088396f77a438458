'use client';

import { useTranslations } from 'next-intl';
import { Honeypot, useServerForm } from '@/app/_components/form-kit';
import { RsvpSchema, type RsvpData, type RsvpInput } from '@/lib/events/schemas';
import type { RsvpFormState } from './actions';

type Props = {
  locale: 'kk' | 'ru' | 'en';
  maxGuests: number;
  isFull: boolean;
  action: (state: RsvpFormState, formData: FormData) => Promise<RsvpFormState>;
};

/** Works with and without JavaScript (app/_components/form-kit.tsx). */
export function RsvpForm({ locale, maxGuests, isFull, action }: Props) {
  const t = useTranslations('events.rsvp');
  const { summary, isPending, formProps, textProps, checkboxField, hiddenProps, fieldError } = useServerForm<RsvpInput, RsvpData>({
    schema: RsvpSchema,
    action,
    defaultValues: { name: '', email: '', guests: 0, consent: false as unknown as true, locale, website: '' },
    idPrefix: 'rsvp',
    errorNamespace: 'events',
  });

  return (
    <form {...formProps} className="stack">
      {summary()}
      <input {...hiddenProps('locale')} />
      <div className="field">
        <label htmlFor="rsvp-name">{t('name')}</label>
        <input autoComplete="name" {...textProps('name')} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor="rsvp-email">{t('email')}</label>
        <p id="rsvp-email-hint" className="hint">
          {t('emailHint')}
        </p>
        <input type="email" autoComplete="email" inputMode="email" {...textProps('email', { hint: true })} />
        {fieldError('email')}
      </div>
      {maxGuests > 0 ? (
        <div className="field">
          <label htmlFor="rsvp-guests">{t('guests')}</label>
          <p id="rsvp-guests-hint" className="hint">
            {t('guestsHint', { max: maxGuests })}
          </p>
          <input type="number" min={0} max={maxGuests} inputMode="numeric" {...textProps('guests', { hint: true })} />
          {fieldError('guests')}
        </div>
      ) : (
        <input {...hiddenProps('guests')} />
      )}
      <Honeypot id="rsvp-website" label={t('honeypot')} />
      {checkboxField('consent', t('consent'))}
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? t('submitting') : isFull ? t('submitWaitlist') : t('submit')}
        </button>
      </div>
    </form>
  );
}
