import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth';
import { listOrganizers } from '@/lib/organizers/queries';
import { ROLES } from '@/lib/organizers/schemas';
import { readLocale } from '@/lib/validation';
import { changeOrganizerRoleAction, endOrganizerSessionsAction, inviteOrganizerAction, removeOrganizerAction } from './actions';
import { InviteForm } from './invite-form';
import { ButtonForm } from '../../button-form';
import styles from '../../console.module.css';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ error?: string; removed?: string; roleChanged?: string; sessionsEnded?: string }>;
};

const KNOWN_ERRORS = ['cannotRemoveSelf', 'lastAdmin', 'organizerNotFound', 'roleUnchanged'] as const;
const DONE_NOTICES = ['removed', 'roleChanged', 'sessionsEnded'] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'console.organizers' });
  return { title: t('title') };
}

export default async function OrganizersPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  const admin = await requireAdmin(locale);
  const { error, ...done } = await searchParams;
  const [organizers, t, format] = await Promise.all([
    listOrganizers(),
    getTranslations({ locale, namespace: 'console.organizers' }),
    getFormatter({ locale }),
  ]);
  const problem = KNOWN_ERRORS.find((key) => key === error);
  const removeAction = removeOrganizerAction.bind(null, locale);
  const changeRoleAction = changeOrganizerRoleAction.bind(null, locale);
  const endSessionsAction = endOrganizerSessionsAction.bind(null, locale);
  const notice = DONE_NOTICES.find((key) => done[key]);

  return (
    <>
      <h1>{t('title')}</h1>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {t(`errors.${problem}`)}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p className="hint">{t('freshFactorNote')}</p>
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
                    <div className={styles.rowActions}>
                      <form action={changeRoleAction} className={styles.rowForm}>
                        <input type="hidden" name="userId" value={organizer.id} />
                        <select name="role" defaultValue={organizer.role} aria-label={t('roleOf', { email: organizer.email })}>
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t(`roles.${role}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button-secondary" aria-label={t('changeRoleOf', { email: organizer.email })}>
                          {t('changeRole')}
                        </button>
                      </form>
                      <ButtonForm action={endSessionsAction} name="userId" value={organizer.id}>
                        {t('endSessions', { email: organizer.email })}
                      </ButtonForm>
                      <ButtonForm action={removeAction} name="userId" value={organizer.id} className="button-danger">
                        {t('remove', { email: organizer.email })}
                      </ButtonForm>
                    </div>
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
