import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { localized } from '@/lib/i18n/localized';
import { listEventCampaigns } from '@/lib/events/queries';
import { readLocale } from '@/lib/validation';
import { EventEditor } from '../event-editor';

export default async function NewEventPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const [t, campaigns] = await Promise.all([getTranslations({ locale, namespace: 'events.console' }), listEventCampaigns()]);
  return (
    <div className="stack">
      <h1>{t('new')}</h1>
      <EventEditor locale={locale} event={null} campaigns={campaigns.map((c) => ({ id: c.id, label: localized(c.name, locale) }))} />
    </div>
  );
}
