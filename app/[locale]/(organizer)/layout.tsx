import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { TranslatedQuickExit } from '@/app/_components/translated-quick-exit';
import { requireOrganizer } from '@/lib/auth';
import { env } from '@/lib/env';
import { readLocale } from '@/lib/validation';
import { signOutAction } from './actions';
import styles from './console.module.css';
import { ConsoleNav, type ConsoleNavLink } from './console-nav';
import { SessionKeepAlive } from './session-keep-alive';

export const metadata: Metadata = { robots: { index: false, follow: false } };

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export default async function OrganizerLayout({ children, params }: Props) {
  const locale = readLocale((await params).locale);
  const organizer = await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'console.nav' });
  const tPetitions = await getTranslations({ locale, namespace: 'petitions.console' });
  const tCampaigns = await getTranslations({ locale, namespace: 'campaigns' });

  const base = `/${locale}/console`;
  const links: ConsoleNavLink[] = [
    { href: base, label: t('dashboard') },
    { href: `${base}/petitions`, label: tPetitions('nav') },
    { href: `${base}/events`, label: (await getTranslations({ locale, namespace: 'events.console' }))('nav') },
    { href: `${base}/supporters`, label: tCampaigns('supporters.nav') },
    { href: `${base}/campaigns`, label: tCampaigns('console.nav') },
    { href: `${base}/reforms`, label: (await getTranslations({ locale, namespace: 'reforms.console' }))('heading') },
    ...(organizer.role === 'ADMIN' ? [{ href: `${base}/organizers`, label: t('organizers') }] : []),
    ...(env.MAIL_CATCHER ? [{ href: `${base}/mailbox`, label: t('mailbox') }] : []),
    { href: `${base}/help`, label: t('help') },
    { href: `${base}/audit`, label: t('audit') },
    { href: `${base}/security`, label: t('security') },
    { href: `${base}/mail-health`, label: t('mailHealth') },
  ];

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <TranslatedQuickExit locale={locale} className={styles.quickExit} />
        <p className={styles.identity}>{t('signedInAs', { email: organizer.email })}</p>
        <ConsoleNav label={t('label')} menuLabel={t('menu')} links={links} />
        <form action={signOutAction.bind(null, locale)}>
          <button type="submit" className="button-secondary">
            {t('signOut')}
          </button>
        </form>
      </header>
      <main id="main-content" className={styles.main}>
        {/* The console's many forms use most namespaces; it is for signed-in organizers only. */}
        <NextIntlClientProvider messages={await getMessages()}>{children}</NextIntlClientProvider>
      </main>
      <SessionKeepAlive />
    </div>
  );
}
