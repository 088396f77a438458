import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import { ActionForm, Field } from './action-form';
import { transitionEventAction } from './actions';

type Props = {
  locale: AppLocale;
  eventId: string;
  transition: 'publish' | 'reject' | 'cancel';
  /** The button's text when it is not the transition's own ("Approve" for a submission). */
  submit?: string;
};

/** One move of an event's status, as its console form: publish, reject with a reason, or cancel with a note to attendees. */
export async function TransitionForm({ locale, eventId, transition, submit }: Props) {
  const t = await getTranslations({ locale, namespace: 'events.console' });
  const action = transitionEventAction.bind(null, locale, eventId, transition);
  const form = {
    publish: { schema: undefined, button: t('publish'), field: null },
    reject: { schema: 'reject', button: t('reject'), field: <Field name="reason" label={t('rejectReason')} multiline /> },
    cancel: { schema: 'cancel', button: t('cancelEvent'), field: <Field name="note" label={t('cancelNote')} multiline /> },
  } as const;
  const { schema, button, field } = form[transition];
  return (
    <ActionForm action={action} schema={schema} submit={submit ?? button} done={t('done')}>
      {field}
    </ActionForm>
  );
}
