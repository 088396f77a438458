import type { Metadata } from 'next';
import styles from './auth.module.css';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main-content" className={styles.main}>
      <div className={styles.card}>{children}</div>
    </main>
  );
}
