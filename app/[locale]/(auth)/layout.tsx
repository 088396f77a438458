import type { Metadata } from 'next';
import { TranslatedQuickExit } from '@/app/_components/translated-quick-exit';
import { readLocale } from '@/lib/validation';
import styles from './auth.module.css';

export const metadata: Metadata = { robots: { index: false, follow: false } };

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export default async function AuthLayout({ children, params }: Props) {
  const locale = readLocale((await params).locale);
  return (
    <>
      {/* In a banner landmark, as on the public pages: everything on the page is in a landmark. */}
      <header>
        <TranslatedQuickExit locale={locale} />
      </header>
      <main id="main-content" className={styles.main}>
        <div className={styles.card}>{children}</div>
      </main>
    </>
  );
}
