'use client';

import { useActionState } from 'react';
import type { UnsubscribeFormState } from './actions';
import type { UNSUBSCRIBE_FORM_TEXTS } from './client-texts';

type Props = {
  action: (previous: UnsubscribeFormState, formData: FormData) => Promise<UnsubscribeFormState>;
  token: string;
  isAllTopics: boolean;
  /**
   * `unsubscribe`'s texts (UNSUBSCRIBE_FORM_TEXTS), with `confirm` and `doneTopic` naming what the
   * link stops: everything (`confirmAll`), a reform's alerts (`confirmReform`, `doneReform`) or a topic.
   */
  texts: Record<(typeof UNSUBSCRIBE_FORM_TEXTS)[number] | 'confirm' | 'doneTopic', string>;
};

export function UnsubscribeForm({ action, token, isAllTopics, texts }: Props) {
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' });

  if (state.status === 'done') {
    return (
      <div className="stack">
        <div role="status" className="notice">
          <h2>{texts.doneTitle}</h2>
          <p>{state.scope === 'all' ? texts.doneAll : texts.doneTopic}</p>
        </div>
        {state.scope === 'topic' ? (
          <form action={formAction} className="stack">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="scope" value="all" />
            <p>{texts.everythingPrompt}</p>
            <div>
              <button type="submit" className="button-secondary" disabled={isPending}>
                {isPending ? texts.working : texts.everythingButton}
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
      <p>{texts.confirm}</p>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="scope" value={isAllTopics ? 'all' : 'topic'} />
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? texts.working : texts.button}
        </button>
      </div>
    </form>
  );
}
