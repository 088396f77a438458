'use client';

import { Honeypot } from '@/app/_components/form-fields';
import { useLazyServerForm } from '@/app/_components/lazy-server-form';
import type { RsvpData, RsvpInput } from '@/lib/events/schemas';
import type { ErrorTexts } from '@/lib/i18n/field-errors';
import type { RSVP_FORM_TEXTS } from '../client-texts';
import type { RsvpFormState } from './actions';

type Props = {
  locale: 'kk' | 'ru' | 'en';
  maxGuests: number;
  isFull: boolean;
  action: (state: RsvpFormState, formData: FormData) => Promise<RsvpFormState>;
  /** `events.rsvp`'s texts (RSVP_FORM_TEXTS, and `guestsHint` with `maxGuests` in it), and `errorTexts` of lib/events/field-errors.ts. */
  texts: Record<(typeof RSVP_FORM_TEXTS)[number] | 'guestsHint', string>;
  errorTexts: ErrorTexts;
};

/** Works with and without JavaScript (app/_components/lazy-server-form.ts). */
export function RsvpForm({ locale, maxGuests, isFull, action, texts, errorTexts }: Props) {
  const { summary, isPending, formProps, textProps, field, checkboxField, hiddenProps, submitButton } = useLazyServerForm<
    RsvpInput,
    RsvpData
  >({
    loadSchema: () => import('@/lib/events/schemas').then((module) => module.RsvpSchema),
    action,
    defaultValues: { name: '', email: '', guests: 0, consent: false as unknown as true, locale, website: '' },
    idPrefix: 'rsvp',
    errorTexts,
  });

  return (
    <form {...formProps} className="stack">
      {summary()}
      <input {...hiddenProps('locale')} />
      {field('name', texts.name, <input autoComplete="name" {...textProps('name')} />)}
      {field(
        'email',
        texts.email,
        <input type="email" autoComplete="email" inputMode="email" {...textProps('email', { hint: true })} />,
        texts.emailHint,
      )}
      {maxGuests > 0 ? (
        field(
          'guests',
          texts.guests,
          <input type="number" min={0} max={maxGuests} inputMode="numeric" {...textProps('guests', { hint: true })} />,
          texts.guestsHint,
        )
      ) : (
        <input {...hiddenProps('guests')} />
      )}
      <Honeypot id="rsvp-website" label={texts.honeypot} />
      {checkboxField('consent', texts.consent)}
      {submitButton(isPending ? texts.submitting : isFull ? texts.submitWaitlist : texts.submit)}
    </form>
  );
}
