'use client';

import { useTranslations } from 'next-intl';
import { useState, type KeyboardEvent } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useScriptRuns } from '@/app/_components/use-script-runs';
import { audienceSourceKey } from '@/lib/campaigns/audience-source-key';
import type { AudienceSource, CampaignDraft, CampaignDraftInput } from '@/lib/campaigns/schemas';
import styles from './campaigns.module.css';

export type AudienceChoices = {
  petitions: Array<{ id: string; title: string }>;
  events: Array<{ id: string; title: string }>;
  tags: Array<{ id: string; name: string }>;
};

/** How many matching events the picker lists at once; typing more of a title narrows the rest. */
export const EVENT_PICKER_LIMIT = 12;

type Toggle = (source: AudienceSource, on: boolean) => void;

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
  const toggle: Toggle = (source, on) => {
    const next = on ? [...sources, source] : sources.filter((s) => audienceSourceKey(s) !== audienceSourceKey(source));
    form.setValue('audience.sources', next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  };
  const options: Array<{ source: AudienceSource; label: string }> = [
    { source: { type: 'updates' }, label: t('sources.updates') },
    ...choices.petitions.map((p) => ({
      source: { type: 'petition', petitionId: p.id } as const,
      label: t('sources.petition', { title: p.title }),
    })),
  ];
  return (
    <fieldset id="campaign-audience-sources" className="stack">
      <legend>{t('sourcesLabel')}</legend>
      {options.map(({ source, label }) => (
        <SourceCheckbox key={audienceSourceKey(source)} source={source} label={label} checked={selected} toggle={toggle} />
      ))}
      {choices.events.length > 0 ? <EventPicker events={choices.events} checked={selected} toggle={toggle} /> : null}
    </fieldset>
  );
}

function SourceCheckbox({
  source,
  label,
  checked,
  toggle,
  hidden,
}: {
  source: AudienceSource;
  label: string;
  checked: Set<string>;
  toggle: Toggle;
  hidden?: boolean;
}) {
  const key = audienceSourceKey(source);
  return (
    <label hidden={hidden}>
      <input
        type="checkbox"
        name="audience.sources"
        value={key}
        checked={checked.has(key)}
        onChange={(e) => toggle(source, e.target.checked)}
      />{' '}
      {label}
    </label>
  );
}

/**
 * Events, which run to a hundred and more: a search box filters a bounded list of their checkboxes
 * and the chosen ones show as removable chips. Every checkbox stays in the form (hidden when it does
 * not match), so a chosen event is posted whatever is typed; without JavaScript all of them show.
 */
function EventPicker({ events, checked, toggle }: { events: AudienceChoices['events']; checked: Set<string>; toggle: Toggle }) {
  const t = useTranslations('campaigns.console');
  const isEnhanced = useScriptRuns();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLocaleLowerCase();
  const matching = needle ? events.filter((e) => e.title.toLocaleLowerCase().includes(needle)) : events;
  const listed = new Set(matching.slice(0, EVENT_PICKER_LIMIT).map((e) => e.id));
  const sourceOf = (eventId: string): AudienceSource => ({ type: 'event', eventId });
  const chosen = events.filter((e) => checked.has(audienceSourceKey(sourceOf(e.id))));
  // Enter in the search box picks nothing and must not submit the campaign.
  const keepEnter = (event: KeyboardEvent<HTMLInputElement>) => event.key === 'Enter' && event.preventDefault();

  return (
    <fieldset className={styles.picker}>
      <legend>{t('eventsLabel')}</legend>
      {isEnhanced ? (
        <>
          <h3 id="campaign-chosen-events" className={styles.chosenTitle}>
            {t('chosenEvents')}
          </h3>
          {chosen.length > 0 ? (
            <ul className={styles.chips} aria-labelledby="campaign-chosen-events">
              {chosen.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    className={styles.chip}
                    aria-label={t('removeEvent', { title: e.title })}
                    onClick={() => toggle(sourceOf(e.id), false)}
                  >
                    {e.title} <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('noEventChosen')}</p>
          )}
          <div className="field">
            <label htmlFor="campaign-event-search">{t('eventSearchLabel')}</label>
            <input
              id="campaign-event-search"
              type="search"
              autoComplete="off"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={keepEnter}
              aria-controls="campaign-event-options"
              aria-describedby="campaign-event-matches"
            />
            <p id="campaign-event-matches" role="status" className="hint">
              {t('eventMatches', { count: matching.length, shown: listed.size, hidden: matching.length - listed.size })}
            </p>
          </div>
        </>
      ) : null}
      <div id="campaign-event-options" className={styles.options}>
        {events.map((e) => (
          <SourceCheckbox
            key={e.id}
            source={sourceOf(e.id)}
            label={t('sources.event', { title: e.title })}
            checked={checked}
            toggle={toggle}
            hidden={isEnhanced && !listed.has(e.id)}
          />
        ))}
      </div>
    </fieldset>
  );
}
