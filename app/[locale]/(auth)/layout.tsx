import type { Metadata } from 'next';
import { QuickExit } from '@/app/_components/quick-exit';
import styles from './auth.module.css';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {/* In a banner landmark, as on the public pages: everything on the page is in a landmark. */}
      <header>
        <QuickExit />
      </header>
      <main id="main-content" className={styles.main}>
        <div className={styles.card}>{children}</div>
      </main>
    </>
  );
}
