import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AUDIT_ACTIONS, auditPhraseKey, type AuditAction } from '@/lib/audit-actions';
import {
  auditSubjectKey,
  describeAuditSubjects,
  findAuditEntries,
  listAuditActors,
  readAuditFilter,
  summariseAuditDetails,
  SYSTEM_ACTOR,
  type AuditDetailLine,
  type AuditFilter,
  type AuditSubject,
} from '@/lib/audit-log';
import { requireOrganizer } from '@/lib/auth';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { readLocale } from '@/lib/validation';
import styles from '../../console.module.css';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'console.audit' });
  return { title: t('title') };
}

function filterQuery(filter: AuditFilter, before?: string): string {
  const query = new URLSearchParams();
  if (filter.actor) query.set('actor', filter.actor);
  if (filter.action) query.set('action', filter.action);
  if (before) query.set('before', before);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export default async function AuditPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const filter = readAuditFilter(await searchParams);
  const [{ entries, olderCursor }, actors, t, tReforms, format] = await Promise.all([
    findAuditEntries(filter),
    listAuditActors(),
    getTranslations({ locale, namespace: 'console.audit' }),
    getTranslations({ locale, namespace: 'reforms' }),
    getFormatter({ locale }),
  ]);
  const subjects = await describeAuditSubjects(entries, locale);
  const base = `/${locale}/console`;
  const filtered = Boolean(filter.actor || filter.action || filter.before);
  const actionCodes = Object.keys(AUDIT_ACTIONS) as AuditAction[];

  function subjectCell(subject: AuditSubject | undefined) {
    if (!subject || subject.kind === 'none') return null;
    if (subject.kind === 'gone') return t('subjects.gone', { type: subject.type });
    if (subject.kind === 'supporter') return <Link href={`${base}${subject.path}`}>{t('subjects.supporter')}</Link>;
    return subject.path ? <Link href={`${base}${subject.path}`}>{subject.name}</Link> : subject.name;
  }

  function detailText(line: AuditDetailLine): string {
    switch (line.key) {
      case 'changed': {
        const fields = line.values.fields.split(', ').map((field) => {
          const key = `fields.${field}`;
          return hasMessage(t, key) ? t(key) : field;
        });
        return t('details.changed', { fields: fields.join(', ') });
      }
      case 'stage': {
        const key = `stages.${line.values.stage}`;
        return t('details.stage', { stage: hasMessage(tReforms, key) ? tReforms(key) : line.values.stage, date: line.values.date });
      }
      case 'scheduledAt':
        return t('details.scheduledAt', { at: format.dateTime(line.values.at, 'mediumDateTime') });
      default:
        return t(`details.${line.key}`, line.values);
    }
  }

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form method="get" className={styles.auditFilter} role="search" aria-label={t('filters.label')}>
        <div className="field">
          <label htmlFor="audit-actor">{t('filters.actor')}</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ''}>
            <option value="">{t('filters.any')}</option>
            <option value={SYSTEM_ACTOR}>{t('system')}</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.email}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('filters.action')}</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ''}>
            <option value="">{t('filters.anyAction')}</option>
            {actionCodes.map((code) => (
              <option key={code} value={code}>
                {t(`actions.${AUDIT_ACTIONS[code]}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit">{t('filters.apply')}</button>
          {filtered ? <Link href={`${base}/audit`}>{t('filters.reset')}</Link> : null}
        </div>
      </form>

      {entries.length === 0 ? (
        <p>{filtered ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={t('title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('columns.when')}</th>
                <th scope="col">{t('columns.who')}</th>
                <th scope="col">{t('columns.action')}</th>
                <th scope="col">{t('columns.subject')}</th>
                <th scope="col">{t('columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const phrase = auditPhraseKey(entry.action);
                const details = summariseAuditDetails(entry.action, entry.details);
                return (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, 'mediumDateTimeWithSeconds')}</time>
                    </td>
                    <td className={styles.details}>{entry.actorEmail ?? t('system')}</td>
                    <td>{phrase ? t(`actions.${phrase}`) : t('unknownAction', { code: entry.action })}</td>
                    <td>{subjectCell(subjects.get(auditSubjectKey(entry)))}</td>
                    <td>
                      {details.length ? (
                        <ul className={styles.auditDetails}>
                          {details.map((line) => (
                            <li key={line.key}>{detailText(line)}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {filter.before || olderCursor ? (
        <nav aria-label={t('pages.label')} className="button-row">
          {filter.before ? <Link href={`${base}/audit${filterQuery(filter)}`}>{t('pages.newest')}</Link> : null}
          {olderCursor ? <Link href={`${base}/audit${filterQuery(filter, olderCursor)}`}>{t('pages.older')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
