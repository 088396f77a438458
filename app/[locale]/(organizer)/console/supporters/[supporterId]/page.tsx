import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { importsOfSupporter } from '@/lib/imports/queries';
import { getSupporterDetail } from '@/lib/supporters/queries';
import { readLocale } from '@/lib/validation';
import { eraseSupporterAction, tagSupporterAction, untagSupporterAction } from '../actions';
import { TagForm } from '../tag-form';

type Props = { params: Promise<{ locale: string; supporterId: string }>; searchParams: Promise<{ error?: string; erased?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: readLocale((await params).locale), namespace: 'campaigns.supporters' });
  return { title: t('detailTitle') };
}

function summary(row: Record<string, unknown>, keys: string[], date: (value: Date) => string): string {
  return keys
    .map((k) => row[k])
    .filter((v) => v !== null && v !== undefined && v !== '')
    .map((v) => (v instanceof Date ? date(v) : String(v)))
    .join(' · ');
}

export default async function SupporterPage({ params, searchParams }: Props) {
  const { supporterId, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizer(locale);
  const detail = await getSupporterDetail(supporterId, organizer);
  if (!detail) notFound();
  const { supporter, signatures, rsvps, subscriptions } = detail;
  const query = await searchParams;
  const [t, tImports, imports, tRegions, format] = await Promise.all([
    getTranslations({ locale, namespace: 'campaigns.supporters' }),
    getTranslations({ locale, namespace: 'campaigns.imports' }),
    importsOfSupporter(supporter.id),
    getTranslations({ locale, namespace: 'common.regions' }),
    getFormatter({ locale }),
  ]);
  const date = (value: Date) => format.dateTime(value, 'mediumDateTime');
  const hidden = <input type="hidden" name="supporterId" value={supporter.id} />;
  const lists: Array<[string, Record<string, unknown>[], string[]]> = [
    [t('signatures'), signatures, ['petitionId', 'status', 'region', 'createdAt']],
    [t('rsvps'), rsvps, ['eventId', 'status', 'guests', 'createdAt']],
    [t('subscriptions'), subscriptions, ['reformId', 'frequency', 'confirmedAt', 'createdAt']],
  ];

  return (
    <>
      <h1>{supporter.email}</h1>
      {query.erased ? (
        <p className="notice" role="status">
          {t('erased')}
        </p>
      ) : null}
      {query.error === 'confirmErase' ? (
        <p className="notice notice-error" role="alert">
          {t('confirmErase')}
        </p>
      ) : null}
      {query.error === 'tagInvalid' ? (
        <p className="notice notice-error" role="alert">
          {t('tagInvalid')}
        </p>
      ) : null}
      <dl className="figures">
        <dt>{t('columns.name')}</dt>
        <dd>{supporter.name ?? '—'}</dd>
        <dt>{t('columns.language')}</dt>
        <dd>{supporter.locale}</dd>
        <dt>{t('columns.region')}</dt>
        <dd>{supporter.region ? tRegions(supporter.region) : '—'}</dd>
        <dt>{t('columns.city')}</dt>
        <dd>{supporter.city ?? '—'}</dd>
        <dt>{t('since')}</dt>
        <dd>{date(supporter.createdAt)}</dd>
        <dt>{t('bounced')}</dt>
        <dd>{supporter.bouncedAt ? `${date(supporter.bouncedAt)} — ${supporter.bounceReason ?? ''}` : '—'}</dd>
      </dl>
      {imports.map((entry) => (
        <p key={entry.importedAt.toISOString()} data-testid="imported-from">
          {tImports('supporterSource', {
            source: entry.source,
            date: date(entry.importedAt),
            consent: entry.consentGivenAt ? tImports('consentGiven', { date: date(entry.consentGivenAt) }) : tImports('noConsent'),
          })}
        </p>
      ))}

      <section aria-labelledby="tags-title" className="stack">
        <h2 id="tags-title">{t('columns.tags')}</h2>
        <ul className="inline-list">
          {supporter.tags.map(({ tag }) => (
            <li key={tag.id}>
              <form action={untagSupporterAction.bind(null, locale)}>
                {hidden}
                <input type="hidden" name="tagId" value={tag.id} />
                {tag.name}{' '}
                <button type="submit" className="button-link" aria-label={t('removeTag', { name: tag.name })}>
                  ×
                </button>
              </form>
            </li>
          ))}
        </ul>
        <TagForm action={tagSupporterAction.bind(null, locale)} id="tag-name" label={t('tagName')} submit={t('addTag')}>
          {hidden}
        </TagForm>
      </section>

      <section aria-labelledby="consents-title">
        <h2 id="consents-title">{t('consents')}</h2>
        <ul>
          {supporter.consents.map((c) => (
            <li key={c.id}>
              {t('consentLine', { purpose: c.purpose, version: c.textVersion, action: c.action, date: date(c.givenAt) })}
              {c.withdrawnAt ? ` — ${t('withdrawn', { date: date(c.withdrawnAt) })}` : ''}
            </li>
          ))}
        </ul>
        <h3>{t('unsubscribes')}</h3>
        <ul>
          {supporter.unsubscribes.map((u) => (
            <li key={u.topic}>
              {u.topic} — {date(u.createdAt)}
            </li>
          ))}
        </ul>
      </section>

      {lists.map(([title, rows, keys]) => (
        <section key={title}>
          <h2>{title}</h2>
          {rows.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ul>
              {rows.map((row, i) => (
                <li key={i}>{summary(row, keys, date)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <section aria-labelledby="mails-title">
        <h2 id="mails-title">{t('mails')}</h2>
        {supporter.campaignRecipients.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul>
            {supporter.campaignRecipients.map((r) => (
              <li key={r.campaign.id}>
                <Link href={`/${locale}/console/campaigns/${r.campaign.id}`}>{r.campaign.name}</Link> — {r.status}
                {r.sentAt ? ` — ${date(r.sentAt)}` : ''}
                {r.lastError ? ` — ${r.lastError}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="privacy-title" className="stack">
        <h2 id="privacy-title">{t('privacyTitle')}</h2>
        <p>
          <a href={`/api/console/supporters/${supporter.id}/export`}>{t('export')}</a>
        </p>
        <form action={eraseSupporterAction.bind(null, locale)} className="stack">
          {hidden}
          <p>{t('eraseExplain')}</p>
          <label>
            <input type="checkbox" name="confirm" /> {t('eraseConfirm')}
          </label>
          <button type="submit" className="button-danger">
            {t('erase')}
          </button>
        </form>
      </section>
    </>
  );
}
