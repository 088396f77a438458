import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { requireOrganizer } from '@/lib/auth';
import { dateColumnKey } from '@/lib/time/kazakhstan';
import { localized } from '@/lib/i18n/localized';
import { listEventCampaigns } from '@/lib/events/queries';
import { LOCALE_NAMES } from '@/lib/i18n/routing';
import { LOCALES, readLocale } from '@/lib/validation';
import { ActionForm, Field } from '../action-form';
import { saveEventCampaignAction } from '../actions';

/** Calendar campaigns (date windows): list, edit, create. */
export default async function CampaignsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const [t, campaigns] = await Promise.all([getTranslations({ locale, namespace: 'events.console' }), listEventCampaigns()]);
  const form = (campaign: (typeof campaigns)[number] | null) => {
    const defaultValues = {
      slug: campaign?.slug ?? '',
      name: { kk: '', ru: '', en: '', ...(campaign?.name as Record<string, string> | undefined) },
      startsOn: campaign ? dateColumnKey(campaign.startsOn) : '',
      endsOn: campaign ? dateColumnKey(campaign.endsOn) : '',
    };
    return (
      <ActionForm
        action={saveEventCampaignAction.bind(null, locale, campaign?.id ?? null)}
        schema="campaign"
        defaultValues={defaultValues}
        submit={t('save')}
        done={t('saved')}
      >
        <Field name="slug" label={t('slug')} />
        {LOCALES.map((lang) => (
          <Field key={lang} name={`name.${lang}`} label={`${t('campaignName')} (${LOCALE_NAMES[lang]})`} />
        ))}
        <Field name="startsOn" type="date" label={t('startsOn')} />
        <Field name="endsOn" type="date" label={t('endsOn')} />
      </ActionForm>
    );
  };
  return (
    <div className="stack">
      <p>
        <Link href={`/${locale}/console/events`}>{t('back')}</Link>
      </p>
      <h1>{t('campaigns')}</h1>
      {campaigns.map((campaign) => (
        <details key={campaign.id}>
          <summary>
            {localized(campaign.name, locale)} — {dateColumnKey(campaign.startsOn)} … {dateColumnKey(campaign.endsOn)} (
            {t('eventCount', { count: campaign._count.events })})
          </summary>
          {form(campaign)}
        </details>
      ))}
      <h2>{t('newCampaign')}</h2>
      {form(null)}
    </div>
  );
}
