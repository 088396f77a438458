import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import { QuickExit } from './quick-exit';

/** Quick exit in the page's language, for a server component to place (the client control takes its texts as props). */
export async function TranslatedQuickExit({ locale, className }: { locale: AppLocale; className?: string }) {
  const t = await getTranslations({ locale, namespace: 'common.quickExit' });
  return <QuickExit label={t('button')} hint={t('hint')} className={className} />;
}
