import type { Metadata } from 'next';
import { connection } from 'next/server';

export const metadata: Metadata = { robots: { index: false }, referrer: 'no-referrer' };

/** Widgets framed by partner sites: no site header or footer, a language from ?lang=. */
export default async function EmbedLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="kk">
      <body style={{ margin: 0, background: 'transparent' }}>{children}</body>
    </html>
  );
}
