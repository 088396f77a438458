import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { listOrganizers } from '@/lib/organizers/queries';
import { readLocale } from '@/lib/validation';
import { inviteOrganizerAction, removeOrganizerAction } from './actions';
import { InviteForm } from './invite-form';
import styles from '../../console.module.css';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ error?: string; removed?: string }>;
};

const KNOWN_ERRORS = ['cannotRemoveSelf', 'lastAdmin', 'organizerNotFound'] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'console.organizers' });
  return { title: t('title') };
}

export default async function OrganizersPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  const admin = await requireAdmin(locale);
  const { error, removed } = await searchParams;
  const [organizers, t, format] = await Promise.all([
    listOrganizers(),
    getTranslations({ locale, namespace: 'console.organizers' }),
    getFormatter({ locale }),
  ]);
  const problem = KNOWN_ERRORS.find((key) => key === error);
  const removeAction = removeOrganizerAction.bind(null, locale);

  return (
    <>
      <h1>{t('title')}</h1>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {t(`errors.${problem}`)}
        </p>
      ) : null}
      {removed ? (
        <p className="notice" role="status">
          {t('removed')}
        </p>
      ) : null}
      <InviteForm action={inviteOrganizerAction.bind(null, locale)} locale={locale} />
      <h2>{t('listTitle')}</h2>
      <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={t('listTitle')}>
        <table>
          <caption>{t('listCaption', { count: organizers.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.email')}</th>
              <th scope="col">{t('columns.role')}</th>
              <th scope="col">{t('columns.lastSignIn')}</th>
              <th scope="col">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {organizers.map((organizer) => (
              <tr key={organizer.id}>
                <th scope="row">{organizer.email}</th>
                <td>{t(`roles.${organizer.role}`)}</td>
                <td>{organizer.lastSignInAt ? format.dateTime(organizer.lastSignInAt, 'mediumDateTime') : t('never')}</td>
                <td>
                  {organizer.id === admin.id ? (
                    t('you')
                  ) : (
                    <form action={removeAction}>
                      <input type="hidden" name="userId" value={organizer.id} />
                      <button type="submit" className="button-danger">
                        {t('remove', { email: organizer.email })}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
