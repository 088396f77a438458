'use client';

import { useState } from 'react';
import { useLazyFormControl } from '@/app/_components/lazy-form-control';
import { lazyZodResolver } from '@/app/_components/lazy-resolver';
import { errorTextFrom } from '@/lib/i18n/texts';
import type { ErrorTexts } from '@/lib/i18n/field-errors';
import type { SignPetitionData, SignPetitionInput } from '@/lib/petitions/schemas';
import type { SIGN_FORM_TEXTS } from './client-texts';
import type { FieldErrors } from '@/lib/validation';

const signSchema = lazyZodResolver(() => import('@/lib/petitions/schemas').then((module) => module.SignPetitionSchema));

type Props = {
  slug: string;
  locale: 'kk' | 'ru' | 'en';
  regions: Array<{ value: string; label: string }>;
  /** `petitions.form`'s texts (SIGN_FORM_TEXTS), and `errorTexts` of lib/petitions/field-errors.ts. */
  texts: Record<(typeof SIGN_FORM_TEXTS)[number], string>;
  errorTexts: ErrorTexts;
  defaults?: Record<string, string | boolean>;
  /** Field errors and the form's error from a no-JavaScript round trip, translated. */
  initialErrors?: FieldErrors;
  initialFormError?: string;
};

/**
 * Works without JavaScript (a plain POST to the route handler, which redirects); with it, the same
 * schema validates here first (react-hook-form and the schema load when the form is first focused,
 * see lazy-form-control.ts) and the same handler answers with JSON field errors.
 */
export function SignForm({ slug, locale, regions, texts, errorTexts, defaults = {}, initialErrors = {}, initialFormError }: Props) {
  const message = errorTextFrom(errorTexts);
  const [serverErrors, setServerErrors] = useState<FieldErrors>(initialErrors);
  const [formError, setFormError] = useState<string | undefined>(initialFormError);
  const action = `/api/petitions/${slug}/signatures`;
  const { errors, isSubmitting, onFocus, onSubmit } = useLazyFormControl<SignPetitionInput, SignPetitionData>({
    resolver: signSchema.resolver,
    preload: signSchema.preload,
    onValid: async (data) => {
      setServerErrors({});
      setFormError(undefined);
      const response = await fetch(action, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(data),
      }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as {
        ok?: boolean;
        next?: string;
        fieldErrors?: FieldErrors;
        formError?: string;
      } | null;
      if (body?.ok && body.next) {
        window.location.assign(body.next);
        return;
      }
      if (body?.fieldErrors) setServerErrors(body.fieldErrors);
      setFormError(body?.formError ?? (body?.fieldErrors ? texts.hasErrors : texts.failed));
    },
  });

  const errorFor = (name: keyof SignPetitionInput): string | undefined => {
    const clientKey = errors[name]?.message;
    return clientKey ? message(clientKey) : serverErrors[name];
  };
  const describedBy = (name: string, hint?: boolean) =>
    [hint ? `${name}-hint` : '', errorFor(name as keyof SignPetitionInput) ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (name: keyof SignPetitionInput) => {
    const text = errorFor(name);
    return text ? (
      <p id={`${name}-error`} className="field-error">
        {text}
      </p>
    ) : null;
  };

  return (
    <form
      action={action}
      method="post"
      onSubmit={onSubmit}
      onFocus={onFocus}
      noValidate
      className="stack"
      aria-describedby={formError ? 'sign-form-error' : undefined}
    >
      {formError ? (
        <p id="sign-form-error" role="alert" className="notice notice-error">
          {formError}
        </p>
      ) : null}
      <input type="hidden" name="locale" defaultValue={locale} />
      <div className="field">
        <label htmlFor="fullName">{texts.fullName}</label>
        <input
          id="fullName"
          autoComplete="name"
          aria-invalid={!!errorFor('fullName')}
          aria-describedby={describedBy('fullName')}
          name="fullName"
          defaultValue={String(defaults.fullName ?? '')}
        />
        {fieldError('fullName')}
      </div>
      <div className="field">
        <label htmlFor="email">{texts.email}</label>
        <p id="email-hint" className="hint">
          {texts.emailHint}
        </p>
        <input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          aria-invalid={!!errorFor('email')}
          aria-describedby={describedBy('email', true)}
          name="email"
          defaultValue={String(defaults.email ?? '')}
        />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor="region">{texts.region}</label>
        <select
          id="region"
          autoComplete="address-level1"
          aria-invalid={!!errorFor('region')}
          aria-describedby={describedBy('region')}
          name="region"
          defaultValue={String(defaults.region ?? '')}
        >
          <option value="">{texts.regionPlaceholder}</option>
          {regions.map((region) => (
            <option key={region.value} value={region.value}>
              {region.label}
            </option>
          ))}
        </select>
        {fieldError('region')}
      </div>
      <div className="field">
        <label htmlFor="city">{texts.city}</label>
        <input
          id="city"
          autoComplete="address-level2"
          aria-invalid={!!errorFor('city')}
          aria-describedby={describedBy('city')}
          name="city"
          defaultValue={String(defaults.city ?? '')}
        />
        {fieldError('city')}
      </div>
      <div className="field">
        <label htmlFor="comment">{texts.comment}</label>
        <p id="comment-hint" className="hint">
          {texts.commentHint}
        </p>
        <textarea
          id="comment"
          rows={3}
          aria-invalid={!!errorFor('comment')}
          aria-describedby={describedBy('comment', true)}
          name="comment"
          defaultValue={String(defaults.comment ?? '')}
        />
        {fieldError('comment')}
      </div>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">{texts.honeypot}</label>
        <input id="website" tabIndex={-1} autoComplete="off" name="website" />
      </div>
      <div className="check">
        <input id="isPublic" type="checkbox" name="isPublic" defaultChecked={defaults.isPublic === true} />
        <label htmlFor="isPublic">{texts.isPublic}</label>
      </div>
      <div className="field">
        <div className="check">
          <input
            id="consent"
            type="checkbox"
            aria-invalid={!!errorFor('consent')}
            aria-describedby={describedBy('consent')}
            name="consent"
            defaultChecked={defaults.consent === true}
          />
          <label htmlFor="consent">{texts.consent}</label>
        </div>
        {fieldError('consent')}
      </div>
      <div className="check">
        <input id="wantsUpdates" type="checkbox" name="wantsUpdates" defaultChecked={defaults.wantsUpdates === true} />
        <label htmlFor="wantsUpdates">{texts.wantsUpdates}</label>
      </div>
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? texts.submitting : texts.submit}
        </button>
      </div>
    </form>
  );
}
