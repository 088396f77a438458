'use client';

import { useTranslations } from 'next-intl';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { audienceSourceKey } from '@/lib/campaigns/audience-source-key';
import type { AudienceSource, CampaignDraft, CampaignDraftInput } from '@/lib/campaigns/schemas';

export type AudienceChoices = {
  petitions: Array<{ id: string; title: string }>;
  events: Array<{ id: string; title: string }>;
  tags: Array<{ id: string; name: string }>;
};

/** The union part of the audience: one checkbox per source, its key the value the form posts. */
export function AudienceSources({
  form,
  choices,
  initialSources,
}: {
  form: UseFormReturn<CampaignDraftInput, unknown, CampaignDraft>;
  choices: AudienceChoices;
  /** What the server's HTML shows checked, before react-hook-form holds the sources. */
  initialSources: AudienceSource[];
}) {
  const t = useTranslations('campaigns.console');
  const sources = useWatch({ control: form.control, name: 'audience.sources', defaultValue: initialSources }) ?? [];
  const selected = new Set(sources.map(audienceSourceKey));
  const toggle = (source: AudienceSource, on: boolean) => {
    const next = on ? [...sources, source] : sources.filter((s) => audienceSourceKey(s) !== audienceSourceKey(source));
    form.setValue('audience.sources', next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  };
  const options: Array<{ source: AudienceSource; label: string }> = [
    { source: { type: 'updates' }, label: t('sources.updates') },
    ...choices.petitions.map((p) => ({
      source: { type: 'petition', petitionId: p.id } as const,
      label: t('sources.petition', { title: p.title }),
    })),
    ...choices.events.map((e) => ({ source: { type: 'event', eventId: e.id } as const, label: t('sources.event', { title: e.title }) })),
  ];
  return (
    <fieldset id="campaign-audience-sources">
      <legend>{t('sourcesLabel')}</legend>
      {options.map(({ source, label }) => (
        <label key={audienceSourceKey(source)}>
          <input
            type="checkbox"
            name="audience.sources"
            value={audienceSourceKey(source)}
            checked={selected.has(audienceSourceKey(source))}
            onChange={(event) => toggle(source, event.target.checked)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
