'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useErrorText } from '@/app/_components/use-error-text';
import { CampaignDraftSchema, type CampaignDraftInput } from '@/lib/campaigns/schemas';
import type { AppLocale } from '@/lib/i18n/routing';
import { LOCALES, REGIONS } from '@/lib/validation';
import { countAudienceAction, previewCampaignAction, saveCampaignAction, testSendAction, type DraftResult } from './actions';
import { AudienceSources, type AudienceChoices } from './audience-sources';

type Props = { locale: string; campaignId: string | null; initial: CampaignDraftInput; choices: AudienceChoices };

export function CampaignForm({ locale, campaignId, initial, choices }: Props) {
  const t = useTranslations('campaigns.console');
  const tErrors = useTranslations('errors');
  const errorMessage = useErrorText(null);
  const tRegions = useTranslations('common.regions');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<DraftResult | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ locale: AppLocale; subject: string; html: string } | null>(null);
  const form = useForm<CampaignDraftInput>({ resolver: zodResolver(CampaignDraftSchema), defaultValues: initial });
  const { register, handleSubmit, control, formState } = form;
  const audience = useWatch({ control, name: 'audience' });

  // The recipient count follows the audience as it is edited (debounced).
  useEffect(() => {
    const timer = setTimeout(() => {
      countAudienceAction(audience).then(setCount, () => setCount(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [audience]);

  const serverErrors = result && !result.ok ? result.fieldErrors : {};
  const errorOf = (path: string): string | undefined => {
    const parts = path.split('.');
    let node: unknown = formState.errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    const key = (node as { message?: string } | undefined)?.message;
    return key ? errorMessage(key) : serverErrors[path];
  };
  const fieldProps = (path: string) => {
    const error = errorOf(path);
    const id = `campaign-${path.replaceAll('.', '-')}`;
    return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  };
  const errorText = (path: string) => {
    const error = errorOf(path);
    return error ? (
      <p id={`campaign-${path.replaceAll('.', '-')}-error`} className="field-error">
        {error}
      </p>
    ) : null;
  };

  const [hasInvalid, setHasInvalid] = useState(false);
  const onInvalid = () => setHasInvalid(true);
  const save = handleSubmit((values) =>
    startTransition(async () => {
      const saved = await saveCampaignAction(locale, campaignId, values);
      setResult(saved);
      if (saved.ok && saved.campaignId) router.push(`/${locale}/console/campaigns/${saved.campaignId}`);
      router.refresh();
    }),
    onInvalid,
  );
  const testSend = handleSubmit((values) => startTransition(async () => setResult(await testSendAction(locale, values))), onInvalid);
  const showPreview = (previewLocale: AppLocale) =>
    handleSubmit((values) =>
      startTransition(async () => {
        const rendered = await previewCampaignAction(values, previewLocale);
        setPreview(rendered ? { locale: previewLocale, ...rendered } : null);
      }),
      onInvalid,
    )();

  return (
    <form onSubmit={save} noValidate className="stack" aria-labelledby="compose-title">
      <h2 id="compose-title">{t('composeTitle')}</h2>
      {hasInvalid && Object.keys(formState.errors).length > 0 ? (
        <p className="notice notice-error" role="alert">
          {tErrors('formHasErrors')}
        </p>
      ) : null}
      {serverErrors.form ? (
        <p className="notice notice-error" role="alert">
          {serverErrors.form}
        </p>
      ) : null}
      {result?.ok && result.message ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="campaign-name">{t('nameLabel')}</label>
        <input type="text" {...fieldProps('name')} {...register('name')} />
        {errorText('name')}
      </div>
      <p>{t('languagesHint')}</p>
      {LOCALES.map((l) => (
        <fieldset key={l} className="stack">
          <legend>{t(`languages.${l}`)}</legend>
          <div className="field">
            <label htmlFor={`campaign-subject-${l}`}>{t('subjectLabel')}</label>
            <input type="text" {...fieldProps(`subject.${l}`)} {...register(`subject.${l}`)} />
            {errorText(`subject.${l}`)}
          </div>
          <div className="field">
            <label htmlFor={`campaign-body-${l}`}>{t('bodyLabel')}</label>
            <textarea rows={8} {...fieldProps(`body.${l}`)} {...register(`body.${l}`)} />
            {errorText(`body.${l}`)}
          </div>
          <button type="button" className="button-secondary" onClick={() => showPreview(l)} disabled={isPending}>
            {t('preview', { language: t(`languages.${l}`) })}
          </button>
        </fieldset>
      ))}

      <fieldset className="stack">
        <legend>{t('audienceTitle')}</legend>
        <AudienceSources form={form} choices={choices} />
        {errorText('audience.sources')}
        <fieldset>
          <legend>{t('regionsLabel')}</legend>
          <div className="checkbox-grid">
            {REGIONS.map((region) => (
              <label key={region}>
                <input type="checkbox" value={region} {...register('audience.regions')} /> {tRegions(region)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('localesLabel')}</legend>
          {LOCALES.map((l) => (
            <label key={l}>
              <input type="checkbox" value={l} {...register('audience.locales')} /> {t(`languages.${l}`)}
            </label>
          ))}
        </fieldset>
        {choices.tags.length > 0 ? (
          <fieldset>
            <legend>{t('tagsLabel')}</legend>
            {choices.tags.map((tag) => (
              <label key={tag.id}>
                <input type="checkbox" value={tag.id} {...register('audience.tagIds')} /> {tag.name}
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
          <input type="checkbox" {...register('useNeutralSender')} /> {t('neutralSenderLabel')}
        </label>
        <div className="field">
          <label htmlFor="campaign-subjectPrefix">{t('subjectPrefixLabel')}</label>
          <input type="text" {...fieldProps('subjectPrefix')} {...register('subjectPrefix')} />
          {errorText('subjectPrefix')}
        </div>
      </fieldset>

      <div className="actions">
        <button type="submit" disabled={isPending}>
          {t('save')}
        </button>
        <button type="button" className="button-secondary" onClick={() => testSend()} disabled={isPending}>
          {t('testSend')}
        </button>
      </div>
      {preview ? (
        <section aria-labelledby="preview-title" className="stack">
          <h3 id="preview-title">{t('previewTitle', { language: t(`languages.${preview.locale}`) })}</h3>
          <p>
            <strong>{t('subjectLabel')}:</strong> {preview.subject}
          </p>
          <iframe title={t('previewFrame')} srcDoc={preview.html} sandbox="" style={{ width: '100%', minHeight: 420, border: '1px solid #999' }} />
        </section>
      ) : null}
    </form>
  );
}
