import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { COUNT_POLL_MS } from '@/lib/petitions/constants';
import { localized } from '@/lib/i18n/localized';
import { pluralTemplates } from '@/lib/i18n/texts';
import { renderPetitionMarkdown } from '@/lib/petitions/markdown';
import { getOfflineCount } from '@/lib/petitions/count';
import { findPublicPetition, findRecentPublicSigners, getPublicFigures, isSignable } from '@/lib/petitions/queries';
import { readLocale } from '@/lib/validation';
import { LiveCount } from '../live-count';
import styles from '../petitions.module.css';
import { ShareLinks } from '../share-links';
import { signFormTexts } from '../client-texts';
import { SignForm } from '../sign-form';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const petition = await findPublicPetition(slug);
  if (!petition) return {};
  const title = localized(petition.title, locale);
  const description = localized(petition.summary, locale);
  return {
    title,
    description,
    openGraph: { title, description, type: 'article' },
    twitter: { card: 'summary_large_image', title, description },
  };
}

export default async function PetitionPage({ params }: Props) {
  const { slug, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  setRequestLocale(locale);
  const petition = await findPublicPetition(slug);
  if (!petition) notFound();
  const [figures, offline, signers, t, tCommon, format, signForm] = await Promise.all([
    getPublicFigures(petition),
    getOfflineCount(petition.id),
    findRecentPublicSigners(petition.id, slug),
    getTranslations({ locale, namespace: 'petitions' }),
    getTranslations({ locale, namespace: 'common' }),
    getFormatter({ locale }),
    signFormTexts(locale),
  ]);
  const title = localized(petition.title, locale);
  const signable = isSignable(petition);

  return (
    <article className="page">
      <h1>{title}</h1>
      <p>
        <span className={styles.badge}>{t(`status.${petition.status}`)}</span>
      </p>
      {signable ? (
        // On a phone the form is screens below; a plain anchor, so it works before (and without) the script.
        <p className={styles.jumpToSign}>
          <a className="button" href="#sign-heading">
            {t('page.jumpToSign')}
          </a>
        </p>
      ) : null}
      {petition.isDemo ? <p className="notice">{t('page.demo')}</p> : null}
      <div className={styles.layout}>
        <div>
          <p className="lead">{localized(petition.summary, locale)}</p>
          <p>
            <strong>{t('page.addressee', { addressee: localized(petition.addressee, locale) })}</strong>
          </p>
          {petition.respondedAt ? (
            <PetitionNews
              id="response-heading"
              heading={t('page.response', { date: format.dateTime(petition.respondedAt, 'short') })}
              text={localized(petition.response, locale)}
            />
          ) : null}
          {petition.handedOverAt ? (
            <PetitionNews
              id="handover-heading"
              heading={t('page.handedOver', { date: format.dateTime(petition.handedOverAt, 'short') })}
              text={localized(petition.handoverNote, locale)}
            />
          ) : null}
          <div className={styles.body} dangerouslySetInnerHTML={{ __html: renderPetitionMarkdown(localized(petition.body, locale)) }} />
        </div>
        <aside aria-label={t('page.progressLabel')}>
          <LiveCount
            slug={slug}
            locale={locale}
            texts={{
              count: pluralTemplates(locale, (count) => t('page.count', { count, shown: '{shown}' })),
              goal: t('page.goal', { goal: '{goal}' }),
              nextMilestone: t('page.nextMilestone', { milestone: '{milestone}' }),
              goalReached: t('page.goalReached'),
              progressLabel: t('page.progressLabel'),
            }}
            initial={figures}
            pollMs={COUNT_POLL_MS}
            live={signable}
          />
          {offline > 0 ? <p>{t('page.includingOffline', { count: offline })}</p> : null}
          {petition.closesAt && signable ? <p>{t('page.closesAt', { date: format.dateTime(petition.closesAt, 'short') })}</p> : null}
          <section aria-labelledby="sign-heading" id="sign">
            {/* Focusable, so the jump link above moves focus here, not only the view. */}
            <h2 id="sign-heading" tabIndex={-1}>
              {t('page.signHeading')}
            </h2>
            {signable ? <SignForm slug={slug} locale={locale} {...signForm} /> : <p className="notice">{t('page.closedNotice')}</p>}
          </section>
          <section aria-labelledby="signers-heading">
            <h2 id="signers-heading">{t('page.recentSigners')}</h2>
            <p className="hint">{t('page.recentSignersNote')}</p>
            {signers.length ? (
              <ul className={styles.signers}>
                {signers.map((signer, index) => (
                  <li key={index}>
                    {signer.name}, {tCommon(`regions.${signer.region}`)}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('page.recentSignersNone')}</p>
            )}
          </section>
          <ShareLinks
            url={`${env.APP_URL}/${locale}/petitions/${slug}`}
            texts={{
              share: t('page.share'),
              shareText: t('page.shareText', { title }),
              copyLink: t('page.copyLink'),
              copied: t('page.copied'),
            }}
          />
        </aside>
      </div>
    </article>
  );
}

/** News of the petition (the addressee's response, the hand-over): a dated heading and its Markdown text. */
function PetitionNews({ id, heading, text }: { id: string; heading: string; text: string }) {
  return (
    <section className="callout" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <div className={styles.body} dangerouslySetInnerHTML={{ __html: renderPetitionMarkdown(text) }} />
    </section>
  );
}
