import { listAudienceChoices } from '@/lib/campaigns/queries';
import type { AudienceChoices } from './audience-sources';

/** Petition and event titles in the organizer's language for the audience builder. */
export async function audienceChoices(locale: string): Promise<AudienceChoices> {
  const { petitions, events, tags } = await listAudienceChoices();
  const titled = (rows: Array<{ id: string; title: unknown }>) =>
    rows.map((row) => {
      const title = (row.title ?? {}) as Record<string, string>;
      return { id: row.id, title: title[locale] || title.ru || title.kk || title.en || row.id };
    });
  return { tags, petitions: titled(petitions), events: titled(events) };
}
