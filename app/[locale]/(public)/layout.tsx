import { setRequestLocale } from 'next-intl/server';
import { SiteFooter } from '@/app/_components/site-footer';
import { SiteHeader } from '@/app/_components/site-header';
import { readLocale } from '@/lib/validation';

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export default async function PublicLayout({ children, params }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  return (
    <div className="site">
      <SiteHeader locale={locale} />
      <main id="main-content" tabIndex={-1} className="site-main">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </div>
  );
}
