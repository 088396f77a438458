'use client';

import { useTranslations } from 'next-intl';
import { Honeypot } from '@/app/_components/form-fields';
import { useLazyServerForm } from '@/app/_components/lazy-server-form';
import type { RsvpData, RsvpInput } from '@/lib/events/schemas';
import type { RsvpFormState } from './actions';

type Props = {
  locale: 'kk' | 'ru' | 'en';
  maxGuests: number;
  isFull: boolean;
  action: (state: RsvpFormState, formData: FormData) => Promise<RsvpFormState>;
};

/** Works with and without JavaScript (app/_components/lazy-server-form.ts). */
export function RsvpForm({ locale, maxGuests, isFull, action }: Props) {
  const t = useTranslations('events.rsvp');
  const { summary, isPending, formProps, textProps, field, checkboxField, hiddenProps, submitButton } = useLazyServerForm<
    RsvpInput,
    RsvpData
  >({
    loadSchema: () => import('@/lib/events/schemas').then((module) => module.RsvpSchema),
    action,
    defaultValues: { name: '', email: '', guests: 0, consent: false as unknown as true, locale, website: '' },
    idPrefix: 'rsvp',
    errorNamespace: 'events',
  });

  return (
    <form {...formProps} className="stack">
      {summary()}
      <input {...hiddenProps('locale')} />
      {field('name', t('name'), <input autoComplete="name" {...textProps('name')} />)}
      {field(
        'email',
        t('email'),
        <input type="email" autoComplete="email" inputMode="email" {...textProps('email', { hint: true })} />,
        t('emailHint'),
      )}
      {maxGuests > 0 ? (
        field(
          'guests',
          t('guests'),
          <input type="number" min={0} max={maxGuests} inputMode="numeric" {...textProps('guests', { hint: true })} />,
          t('guestsHint', { max: maxGuests }),
        )
      ) : (
        <input {...hiddenProps('guests')} />
      )}
      <Honeypot id="rsvp-website" label={t('honeypot')} />
      {checkboxField('consent', t('consent'))}
      {submitButton(isPending ? t('submitting') : isFull ? t('submitWaitlist') : t('submit'))}
    </form>
  );
}
