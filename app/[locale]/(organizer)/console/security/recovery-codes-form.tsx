'use client';

import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { useServerForm } from '@/app/_components/form-kit';
import type { ReplaceRecoveryCodesSchema } from '@/lib/auth/schemas';
import type { FormFailure } from '@/lib/i18n/field-errors';
import type { RecoveryCodesState } from './actions';
import styles from './security.module.css';

type Shown = { ok: true; codes: string[] };
type Props = { action: (state: RecoveryCodesState, formData: FormData) => Promise<RecoveryCodesState> };

/** Makes a new set of recovery codes and shows it here, once: it lives only in the action's answer. */
export function RecoveryCodesForm({ action }: Props) {
  const t = useTranslations('console.security.recovery');
  const { state, formProps, failureAlert, submitButton } = useServerForm<
    z.input<typeof ReplaceRecoveryCodesSchema>,
    z.output<typeof ReplaceRecoveryCodesSchema>,
    FormFailure | Shown
  >({
    loadSchema: () => import('@/lib/auth/schemas').then((module) => module.ReplaceRecoveryCodesSchema),
    action,
    defaultValues: {},
    idPrefix: 'recovery-codes',
    errorNamespace: null,
  });
  const codes = state?.ok ? state.codes : null;

  return (
    <>
      {codes ? (
        <section aria-labelledby="recovery-codes-shown" className={`notice ${styles.codesShown}`}>
          <h3 id="recovery-codes-shown">{t('shownTitle')}</h3>
          <p>{t('store')}</p>
          <ol className={styles.codes}>
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <form {...formProps} className="stack" aria-describedby="recovery-codes-hint">
        {failureAlert()}
        <p id="recovery-codes-hint" className="hint">
          {t('makeHint')}
        </p>
        {submitButton(t('make'))}
      </form>
    </>
  );
}
