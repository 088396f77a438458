import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { readLocale } from '@/lib/validation';
import { composeCampaignAction } from '../actions';
import { CampaignForm } from '../campaign-form';
import { audienceChoices } from '../choices';

type Props = { params: Promise<{ locale: string }> };

export default async function NewCampaignPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'campaigns.console' });
  return (
    <>
      <h1>{t('new')}</h1>
      <CampaignForm
        action={composeCampaignAction.bind(null, locale, null)}
        choices={await audienceChoices(locale)}
        initial={{
          name: '',
          subject: { kk: '', ru: '', en: '' },
          body: { kk: '', ru: '', en: '' },
          audience: { sources: [{ type: 'updates' }], regions: [], locales: [], tagIds: [] },
          useNeutralSender: false,
          subjectPrefix: '',
        }}
      />
    </>
  );
}
