'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ScheduleState } from './actions';

export function ScheduleForm({ campaignId, action }: { campaignId: string; action: (s: ScheduleState, f: FormData) => Promise<ScheduleState> }) {
  const t = useTranslations('campaigns.console');
  const [state, formAction, isPending] = useActionState(action, {});
  const error = state.fieldErrors?.scheduledAt ?? state.fieldErrors?.form;
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="campaignId" value={campaignId} />
      <div className="field">
        <label htmlFor="schedule-at">{t('scheduleLabel')}</label>
        <input id="schedule-at" name="scheduledAt" type="datetime-local" aria-invalid={error ? true : undefined} aria-describedby={error ? 'schedule-at-error' : 'schedule-at-hint'} />
        <p id="schedule-at-hint" className="hint">{t('scheduleHint')}</p>
        {error ? (
          <p id="schedule-at-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button-secondary" disabled={isPending}>
        {t('schedule')}
      </button>
    </form>
  );
}
