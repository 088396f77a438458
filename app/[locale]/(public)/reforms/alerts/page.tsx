import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { localized } from '@/lib/i18n/localized';
import { listReformChoices } from '@/lib/reforms/queries';
import { readLocale } from '@/lib/validation';
import { subscribeFormTexts } from '../client-texts';
import { SubscribeForm } from '../subscribe-form';
import { subscribeAction } from './actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ reform?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'reforms' });
  return { title: t('subscribe.heading') };
}

/** "Get alerts" for all reforms, or one (?reform=<slug>). */
export default async function AlertsPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const { reform: slug } = await searchParams;
  const [t, subscribeForm, reforms] = await Promise.all([
    getTranslations({ locale, namespace: 'reforms' }),
    subscribeFormTexts(locale),
    listReformChoices(),
  ]);
  const chosen = reforms.find((reform) => reform.slug === slug);
  return (
    <div className="page narrow">
      <h1>{t('subscribe.heading')}</h1>
      <p>{t('subscribe.intro')}</p>
      <SubscribeForm
        locale={locale}
        reforms={reforms.map((reform) => ({ id: reform.id, title: localized(reform.title, locale) }))}
        defaultScope={chosen?.id ?? 'all'}
        action={subscribeAction.bind(null, locale)}
        {...subscribeForm}
      />
    </div>
  );
}
