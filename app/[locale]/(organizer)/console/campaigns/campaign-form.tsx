'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { useWatch } from 'react-hook-form';
import { useServerForm } from '@/app/_components/form-kit';
import type { CampaignDraft, CampaignDraftInput } from '@/lib/campaigns/schemas';
import type { FormFailure, FormState, FormSuccess } from '@/lib/i18n/field-errors';
import type { AppLocale } from '@/lib/i18n/routing';
import { LOCALES, REGIONS } from '@/lib/validation';
import { countAudienceAction, previewCampaignAction } from './actions';
import { AudienceSources, type AudienceChoices } from './audience-sources';

type Props = {
  initial: CampaignDraftInput;
  choices: AudienceChoices;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

export function CampaignForm({ initial, choices, action }: Props) {
  const t = useTranslations('campaigns.console');
  const tErrors = useTranslations('errors');
  const tRegions = useTranslations('common.regions');
  const { state, isPending, form, formProps, textProps, checkboxProps, choiceProps, fieldError, summary, shapedAs } = useServerForm<
    CampaignDraftInput,
    CampaignDraft,
    FormFailure | FormSuccess
  >({
    loadSchema: () => import('@/lib/campaigns/schemas').then((module) => module.CampaignDraftSchema),
    action,
    defaultValues: initial,
    idPrefix: 'campaign',
    errorNamespace: 'campaigns.console',
  });
  const [isPreviewing, startPreview] = useTransition();
  const [count, setCount] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ locale: AppLocale; subject: string; html: string } | null>(null);
  const audience = shapedAs('audience', useWatch({ control: form.control, name: 'audience', defaultValue: initial.audience }));
  const audienceKey = JSON.stringify(audience);
  const isBusy = isPending || isPreviewing;

  // The recipient count follows the audience as it is edited (debounced). An answer for an audience
  // edited since is dropped; a round trip that failed (a busy or restarting server) is tried again.
  useEffect(() => {
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const countAfter = (delayMs: number, triesLeft: number) => {
      timer = setTimeout(() => {
        countAudienceAction(JSON.parse(audienceKey)).then(
          (counted) => isCurrent && setCount(counted),
          () => isCurrent && (triesLeft > 0 ? countAfter(2_000, triesLeft - 1) : setCount(null)),
        );
      }, delayMs);
    };
    countAfter(300, 5);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [audienceKey]);

  // A preview is no submission: the mail is rendered from what is typed, once the fields pass the schema.
  const showPreview = (previewLocale: AppLocale) =>
    form.handleSubmit((values) =>
      startPreview(async () => {
        const rendered = await previewCampaignAction(values, previewLocale);
        setPreview(rendered ? { locale: previewLocale, ...rendered } : null);
      }),
    )();

  // A long form: what the browser found wrong may be far from the buttons.
  const hasClientErrors = form.formState.isSubmitted && Object.keys(form.formState.errors).length > 0;

  return (
    <form {...formProps} className="stack" aria-labelledby="compose-title">
      <h2 id="compose-title">{t('composeTitle')}</h2>
      {hasClientErrors && state?.ok !== false ? (
        <p className="notice notice-error" role="alert">
          {tErrors('formHasErrors')}
        </p>
      ) : null}
      {summary()}
      <div className="field">
        <label htmlFor="campaign-name">{t('nameLabel')}</label>
        <input type="text" {...textProps('name')} />
        {fieldError('name')}
      </div>
      <p>{t('languagesHint')}</p>
      {LOCALES.map((l) => (
        <fieldset key={l} className="stack">
          <legend>{t(`languages.${l}`)}</legend>
          <div className="field">
            <label htmlFor={`campaign-subject-${l}`}>{t('subjectLabel')}</label>
            <input type="text" {...textProps(`subject.${l}`)} />
            {fieldError(`subject.${l}`)}
          </div>
          <div className="field">
            <label htmlFor={`campaign-body-${l}`}>{t('bodyLabel')}</label>
            <textarea rows={8} {...textProps(`body.${l}`)} />
            {fieldError(`body.${l}`)}
          </div>
          <button type="button" className="button-secondary" onClick={() => showPreview(l)} disabled={isBusy}>
            {t('preview', { language: t(`languages.${l}`) })}
          </button>
        </fieldset>
      ))}

      <fieldset className="stack">
        <legend>{t('audienceTitle')}</legend>
        <AudienceSources form={form} choices={choices} initialSources={initial.audience.sources} />
        {fieldError('audience.sources')}
        <fieldset>
          <legend>{t('regionsLabel')}</legend>
          <div className="checkbox-grid">
            {REGIONS.map((region) => (
              <label key={region}>
                <input {...choiceProps('audience.regions', region, 'checkbox')} /> {tRegions(region)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('localesLabel')}</legend>
          {LOCALES.map((l) => (
            <label key={l}>
              <input {...choiceProps('audience.locales', l, 'checkbox')} /> {t(`languages.${l}`)}
            </label>
          ))}
        </fieldset>
        {choices.tags.length > 0 ? (
          <fieldset>
            <legend>{t('tagsLabel')}</legend>
            {choices.tags.map((tag) => (
              <label key={tag.id}>
                <input {...choiceProps('audience.tagIds', tag.id, 'checkbox')} /> {tag.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <p role="status" aria-live="polite" data-testid="recipient-count">
          {count === null ? t('countUnknown') : t('recipientCount', { count })}
        </p>
      </fieldset>

      <fieldset className="stack">
        <legend>{t('safetyTitle')}</legend>
        <label>
          <input {...checkboxProps('useNeutralSender')} /> {t('neutralSenderLabel')}
        </label>
        <div className="field">
          <label htmlFor="campaign-subjectPrefix">{t('subjectPrefixLabel')}</label>
          <input type="text" {...textProps('subjectPrefix')} />
          {fieldError('subjectPrefix')}
        </div>
      </fieldset>

      <div className="actions">
        <button type="submit" name="intent" value="save" disabled={isBusy}>
          {t('save')}
        </button>
        <button type="submit" name="intent" value="test" className="button-secondary" disabled={isBusy}>
          {t('testSend')}
        </button>
      </div>
      {preview ? (
        <section aria-labelledby="preview-title" className="stack">
          <h3 id="preview-title">{t('previewTitle', { language: t(`languages.${preview.locale}`) })}</h3>
          <p>
            <strong>{t('subjectLabel')}:</strong> {preview.subject}
          </p>
          <iframe
            title={t('previewFrame')}
            srcDoc={preview.html}
            sandbox=""
            style={{ width: '100%', minHeight: 420, border: '1px solid #999' }}
          />
        </section>
      ) : null}
    </form>
  );
}
