import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { listPetitionChoices } from '@/lib/reforms/console-queries';
import { localized } from '@/lib/i18n/localized';
import { readLocale } from '@/lib/validation';
import { saveReformAction } from '../actions';
import { ReformForm } from '../reform-form';

type Props = { params: Promise<{ locale: string }> };

export default async function NewReformPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const [t, petitions] = await Promise.all([getTranslations({ locale, namespace: 'reforms.console' }), listPetitionChoices()]);
  const empty = { kk: '', ru: '', en: '' };
  return (
    <div className="stack">
      <h1>{t('new')}</h1>
      <ReformForm
        defaults={{ slug: '', title: empty, summary: empty, petitionId: '' }}
        petitions={petitions.map((p) => ({ id: p.id, title: localized(p.title, locale) }))}
        action={saveReformAction.bind(null, locale, null)}
      />
    </div>
  );
}
