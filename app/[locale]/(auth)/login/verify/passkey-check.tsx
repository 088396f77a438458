'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '@/app/_components/use-error-text';
import { useScriptRuns } from '@/app/_components/use-script-runs';
import type { PasskeyCheckResult, PasskeyOptionsResult } from './actions';

type Props = {
  askOptions: () => Promise<PasskeyOptionsResult>;
  check: (response: unknown) => Promise<PasskeyCheckResult>;
};

/** Signs this session's challenge with a passkey. Needs JavaScript: the button stays off until the script runs. */
export function PasskeyCheck({ askOptions, check }: Props) {
  const t = useTranslations('auth.secondFactor.verify');
  const errorText = useErrorText(null);
  const ready = useScriptRuns();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirmWithPasskey() {
    setPending(true);
    setError(null);
    const asked = await askOptions();
    if (!asked.ok) return fail(asked.formError);
    // The browser refuses or the person cancels: the same words as a signature that does not verify.
    const response = await startAuthentication({ optionsJSON: asked.options }).catch(() => null);
    if (!response) return fail(errorText('passkeyFailed'));
    const checked = await check(response);
    if (!checked.ok) return fail(checked.formError);
    // A full navigation: the way back may be a download, which the client router cannot open.
    window.location.assign(checked.next);
  }

  function fail(text: string) {
    setError(text);
    setPending(false);
  }

  return (
    <div className="stack">
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}
      <div>
        <button type="button" onClick={() => void confirmWithPasskey()} disabled={!ready || pending}>
          {pending ? t('passkeyWorking') : t('passkeyButton')}
        </button>
      </div>
    </div>
  );
}
