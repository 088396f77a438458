import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import { findPublicHotlines, telHref } from '@/lib/help/queries';

export async function SiteFooter({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'common' });
  const hotlines = await findPublicHotlines();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <section aria-labelledby="footer-hotlines-title" className="footer-hotlines">
          <h2 id="footer-hotlines-title">{t('footer.hotlinesTitle')}</h2>
          <ul>
            {hotlines.map((hotline) => (
              <li key={hotline.id}>
                <a href={telHref(hotline.number)} className="footer-hotline-number">
                  {hotline.number}
                </a>{' '}
                <span>{hotline.name[locale]}</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={`/${locale}/help`}>{t('footer.moreHelp')}</a>
          </p>
        </section>
        <p className="demo-notice">
          <strong>{t('demo.label')}:</strong> {t('footer.demoNotice')}
        </p>
        <p className="footer-meta">
          {t('footer.openSource')} <a href={`/${locale}/console`}>{t('footer.organizers')}</a>
        </p>
      </div>
    </footer>
  );
}
