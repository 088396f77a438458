import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/[locale]/(organizer)/actions';
import type { AppLocale } from '@/lib/i18n/routing';

type SectionProps = {
  id: string;
  heading: string;
  intro?: string;
  /** Said only to browsers without JavaScript (passkeys need it). */
  withoutScript?: string;
  children: React.ReactNode;
};

/** One way to confirm or set up a second factor, as a named region of the verify and enrolment pages. */
export function FactorSection({ id, heading, intro, withoutScript, children }: SectionProps) {
  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h2 id={`${id}-title`}>{heading}</h2>
      {intro ? <p>{intro}</p> : null}
      {withoutScript ? (
        <noscript>
          <p className="notice">{withoutScript}</p>
        </noscript>
      ) : null}
      {children}
    </section>
  );
}

/** A session halfway signed in can be ended from the second-factor pages too. */
export async function SignOutForm({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'auth.secondFactor' });
  return (
    <form action={signOutAction.bind(null, locale)}>
      <button type="submit" className="button-secondary">
        {t('signOut')}
      </button>
    </form>
  );
}
