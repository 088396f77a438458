'use client';

import { useTranslations } from 'next-intl';
import { useServerForm } from '@/app/_components/form-kit';
import type { ScheduleFormData, ScheduleFormInput } from '@/lib/campaigns/schemas';
import type { FormFailure } from '@/lib/i18n/field-errors';

type Props = { campaignId: string; action: (state: FormFailure | null, formData: FormData) => Promise<FormFailure | null> };

export function ScheduleForm({ campaignId, action }: Props) {
  const t = useTranslations('campaigns.console');
  const { isPending, summary, formProps, textProps, hiddenProps, fieldError } = useServerForm<ScheduleFormInput, ScheduleFormData>({
    loadSchema: () => import('@/lib/campaigns/schemas').then((module) => module.ScheduleFormSchema),
    action,
    defaultValues: { campaignId, scheduledAt: '' },
    idPrefix: 'schedule',
    errorNamespace: 'campaigns.console',
  });
  return (
    <form {...formProps} className="stack">
      {summary()}
      <input {...hiddenProps('campaignId')} />
      <div className="field">
        <label htmlFor="schedule-scheduledAt">{t('scheduleLabel')}</label>
        <input type="datetime-local" {...textProps('scheduledAt', { hint: true })} />
        <p id="schedule-scheduledAt-hint" className="hint">
          {t('scheduleHint')}
        </p>
        {fieldError('scheduledAt')}
      </div>
      <button type="submit" className="button-secondary" disabled={isPending}>
        {t('schedule')}
      </button>
    </form>
  );
}
