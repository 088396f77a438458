import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { enrolPath, requireOrganizer } from '@/lib/auth';
import { readSecurityOverview } from '@/lib/auth/security-overview';
import { readSecuritySettings } from '@/lib/auth/security-settings';
import { readLocale } from '@/lib/validation';
import { endSessionAction, removePasskeyAction, removeTotpAction, replaceRecoveryCodesAction, saveSecuritySettingsAction } from './actions';
import { ButtonForm } from '../../button-form';
import { RecoveryCodesForm } from './recovery-codes-form';
import { SecuritySettingsForm } from './settings-form';
import styles from './security.module.css';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ done?: string; error?: string; enrolled?: string }>;
};

const NOTICES = ['passkeyRemoved', 'appRemoved', 'sessionEnded'] as const;
const PROBLEMS = ['sessionNotFound', 'factorNotFound'] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'console.security' });
  return { title: t('title') };
}

export default async function SecurityPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  const organizer = await requireOrganizer(locale);
  const query = await searchParams;
  const [overview, settings, t, format] = await Promise.all([
    readSecurityOverview(organizer),
    organizer.role === 'ADMIN' ? readSecuritySettings() : null,
    getTranslations({ locale, namespace: 'console.security' }),
    getFormatter({ locale }),
  ]);
  const notice = NOTICES.find((key) => key === query.done);
  const problem = PROBLEMS.find((key) => key === query.error);
  const when = (value: Date) => <time dateTime={value.toISOString()}>{format.dateTime(value, 'mediumDateTime')}</time>;
  const hasFactor = overview.totp || overview.passkeys.length > 0;

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {notice ? (
        <p className="notice" role="status">
          {t(`done.${notice}`)}
        </p>
      ) : null}
      {problem ? (
        <p className="notice notice-error" role="alert">
          {t(`problems.${problem}`)}
        </p>
      ) : null}
      <p className="hint">{t('freshFactorNote')}</p>

      <section aria-labelledby="factors-title">
        <h2 id="factors-title">{t('factors.title')}</h2>
        <p>{t('factors.explain')}</p>
        {hasFactor ? null : <p className="notice notice-urgent">{t('factors.none')}</p>}
        <h3>{t('factors.passkeysTitle')}</h3>
        {overview.passkeys.length === 0 ? (
          <p>{t('factors.noPasskeys')}</p>
        ) : (
          <ul className={styles.factorList}>
            {overview.passkeys.map((passkey) => (
              <li key={passkey.id}>
                <div>
                  <strong>{passkey.name}</strong>
                  <br />
                  {t('factors.passkeyAdded', { date: format.dateTime(passkey.createdAt, 'mediumDateTime') })}
                  {' · '}
                  {passkey.lastUsedAt
                    ? t('factors.passkeyLastUsed', { date: format.dateTime(passkey.lastUsedAt, 'mediumDateTime') })
                    : t('factors.passkeyNeverUsed')}
                </div>
                <ButtonForm action={removePasskeyAction.bind(null, locale)} name="passkeyId" value={passkey.id} className="button-danger">
                  {t('factors.removePasskey', { name: passkey.name })}
                </ButtonForm>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('factors.appTitle')}</h3>
        {overview.totp ? (
          <div className="button-row">
            <p>{t('factors.appOn')}</p>
            <form action={removeTotpAction.bind(null, locale)}>
              <button type="submit" className="button-danger">
                {t('factors.removeApp')}
              </button>
            </form>
          </div>
        ) : (
          <p>{t('factors.appOff')}</p>
        )}
        <p>
          <Link href={enrolPath(locale)} className="button">
            {t('factors.add')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="recovery-title">
        <h2 id="recovery-title">{t('recovery.title')}</h2>
        {query.enrolled ? (
          <p className="notice" role="status">
            {t('recovery.enrolled')}
          </p>
        ) : null}
        <p>{t('recovery.explain')}</p>
        <p>{t('recovery.left', { count: overview.unusedRecoveryCodes })}</p>
        <RecoveryCodesForm action={replaceRecoveryCodesAction.bind(null, locale)} />
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('sessions.title')}</h2>
        <p>{t('sessions.explain')}</p>
        <ul className={styles.sessionList} aria-labelledby="sessions-title">
          {overview.sessions.map((session) => {
            const device = session.device ?? t('sessions.unknownDevice');
            return (
              <li key={session.id}>
                <div>
                  <p id={`session-${session.id}`} className={session.isCurrent ? styles.current : undefined}>
                    {device}
                    {session.isCurrent ? ` — ${t('sessions.current')}` : null}
                  </p>
                  <dl className={styles.sessionFacts}>
                    <dt>{t('sessions.place')}</dt>
                    <dd>{session.place ?? t('sessions.unknownPlace')}</dd>
                    <dt>{t('sessions.started')}</dt>
                    <dd>{when(session.createdAt)}</dd>
                    <dt>{t('sessions.lastSeen')}</dt>
                    <dd>{when(session.lastSeenAt)}</dd>
                  </dl>
                </div>
                <ButtonForm
                  action={endSessionAction.bind(null, locale)}
                  name="sessionId"
                  value={session.id}
                  describedBy={`session-${session.id}`}
                >
                  {session.isCurrent ? t('sessions.endCurrent') : t('sessions.end')}
                </ButtonForm>
              </li>
            );
          })}
        </ul>
      </section>

      {settings ? (
        <section aria-labelledby="settings-title">
          <h2 id="settings-title">{t('settings.title')}</h2>
          <p>
            {settings.source === 'console' && settings.changedAt
              ? t('settings.sourceConsole', { date: format.dateTime(settings.changedAt, 'mediumDateTime') })
              : t('settings.sourceDeployment')}
          </p>
          {hasFactor ? null : <p className="notice notice-urgent">{t('settings.selfWithoutFactor')}</p>}
          <SecuritySettingsForm
            action={saveSecuritySettingsAction.bind(null, locale)}
            settings={{
              requireSecondFactor: settings.requireSecondFactor,
              sessionLifetimeHours: settings.sessionLifetimeHours,
              sessionIdleMinutes: settings.sessionIdleMinutes,
            }}
          />
        </section>
      ) : null}
    </>
  );
}
