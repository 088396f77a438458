import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { formatNumber, getTranslator } from '@/lib/i18n/translator';
import { localized } from '@/lib/i18n/localized';
import { findPublicPetition, getPublicFigures } from '@/lib/petitions/queries';
import { readLocale } from '@/lib/validation';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ lang?: string }> };

/** The partner widget: title, count, progress bar and a link to sign (opens Dauys in a new tab). */
export default async function PetitionEmbed({ params, searchParams }: Props) {
  const { slug } = await params;
  const locale = readLocale((await searchParams).lang);
  const petition = await findPublicPetition(slug);
  if (!petition) notFound();
  const figures = await getPublicFigures(petition);
  const t = getTranslator(locale, 'petitions');
  const title = localized(petition.title, locale);
  return (
    <main lang={locale} style={{ fontFamily: 'system-ui, sans-serif', padding: '12px', color: '#1a1a1a', maxWidth: '480px' }}>
      <h1 style={{ fontSize: '18px', margin: '0 0 8px' }}>{title}</h1>
      <p style={{ fontSize: '24px', fontWeight: 700, margin: '0 0 6px' }} data-testid="signature-count">
        {t('page.count', { count: figures.count, shown: formatNumber(figures.count, locale) })}
      </p>
      <progress
        max={figures.goal}
        value={Math.min(figures.count, figures.goal)}
        aria-label={t('page.progressLabel')}
        style={{ width: '100%', height: '14px', accentColor: '#5b2a86' }}
      />
      <p style={{ margin: '6px 0 12px' }}>{t('page.goal', { goal: formatNumber(figures.goal, locale) })}</p>
      <a
        href={`${env.APP_URL}/${locale}/petitions/${slug}#sign`}
        target="_blank"
        rel="noopener"
        style={{
          display: 'inline-block',
          background: '#5b2a86',
          color: '#fff',
          padding: '10px 16px',
          borderRadius: '6px',
          textDecoration: 'none',
          fontWeight: 600,
        }}
      >
        {t('embed.sign')}
      </a>
    </main>
  );
}
