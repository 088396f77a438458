import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { DEFAULT_HOTLINES } from '@/lib/help/default-hotlines';
import { findStoredHotlines } from '@/lib/help/queries';
import { readLocale } from '@/lib/validation';
import { updateHotlinesAction } from './actions';
import { HotlinesForm } from './hotlines-form';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'help.editor' });
  return { title: t('metaTitle') };
}

export default async function ConsoleHelpPage({ params }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'help.editor' });
  const stored = await findStoredHotlines();
  // An empty table means the site shows the defaults: start the editor from what people see.
  const initial = (stored.length > 0 ? stored : DEFAULT_HOTLINES).map(({ number, name, description }) => ({
    number,
    name,
    description,
  }));

  return (
    <div className="stack">
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      {stored.length === 0 ? <p className="notice">{t('empty')}</p> : null}
      <HotlinesForm action={updateHotlinesAction.bind(null, locale)} initial={initial} />
    </div>
  );
}
