'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { UnsubscribeFormState } from './actions';

type Props = {
  action: (previous: UnsubscribeFormState, formData: FormData) => Promise<UnsubscribeFormState>;
  token: string;
  topicLabel: string;
  /** Set when the token stops one reform's alerts: the page names that reform. */
  reformTitle: string | null;
  isAllTopics: boolean;
};

export function UnsubscribeForm({ action, token, topicLabel, reformTitle, isAllTopics }: Props) {
  const t = useTranslations('unsubscribe');
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' });

  if (state.status === 'done') {
    return (
      <div className="stack">
        <div role="status" className="notice">
          <h2>{t('doneTitle')}</h2>
          <p>
            {state.scope === 'all'
              ? t('doneAll')
              : reformTitle
                ? t('doneReform', { reform: reformTitle })
                : t('doneTopic', { topic: topicLabel })}
          </p>
        </div>
        {state.scope === 'topic' ? (
          <form action={formAction} className="stack">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="scope" value="all" />
            <p>{t('everythingPrompt')}</p>
            <div>
              <button type="submit" className="button-secondary" disabled={isPending}>
                {isPending ? t('working') : t('everythingButton')}
              </button>
            </div>
          </form>
        ) : null}
      </div>
    );
  }

  return (
    <form action={formAction} className="stack">
      {state.status === 'error' ? (
        <p role="alert" className="notice notice-error">
          {state.message}
        </p>
      ) : null}
      <p>
        {isAllTopics ? t('confirmAll') : reformTitle ? t('confirmReform', { reform: reformTitle }) : t('confirm', { topic: topicLabel })}
      </p>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="scope" value={isAllTopics ? 'all' : 'topic'} />
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? t('working') : t('button')}
        </button>
      </div>
    </form>
  );
}
