import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { readLocale } from '@/lib/validation';
import { savePetitionAction } from '../actions';
import { PetitionForm } from '../petition-form';

type Props = { params: Promise<{ locale: string }> };

const empty = { kk: '', ru: '', en: '' };

export default async function NewPetitionPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'petitions.console' });
  return (
    <div className="stack">
      <h1>{t('new')}</h1>
      <PetitionForm
        action={savePetitionAction.bind(null, locale, undefined)}
        defaults={{
          slug: '',
          title: empty,
          summary: empty,
          body: empty,
          addressee: empty,
          goal: 50000,
          milestones: '1000, 10000',
          opensAt: '',
          closesAt: '',
        }}
      />
    </div>
  );
}
