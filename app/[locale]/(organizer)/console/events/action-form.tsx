'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { createContext, startTransition, useActionState, useContext, type ReactNode } from 'react';
import { FormProvider, get, useForm, useFormContext, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { useErrorText } from '@/app/_components/use-error-text';
import { CampaignFormSchema, CancelEventSchema, EventFormSchema, RejectSchema } from '@/lib/events/schemas';
import type { ConsoleFormState } from './actions';

/** What each console form's server action parses; the form checks the same schema before sending. */
const SCHEMAS = { event: EventFormSchema, campaign: CampaignFormSchema, reject: RejectSchema, cancel: CancelEventSchema };
export type ConsoleFormSchema = keyof typeof SCHEMAS;

const ServerErrorsContext = createContext<Record<string, string>>({});

/** The field's error in the reader's language: the client's check first, then the server's answer. */
function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext();
  const message = useErrorText('events');
  const serverError = useContext(ServerErrorsContext)[name];
  const clientKey = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return clientKey ? message(clientKey) : serverError;
}

/**
 * A console form bound to a server action (react-hook-form, the action's zod schema on both sides).
 * Without JavaScript it posts to the action as a plain form.
 */
export function ActionForm({ action, schema, children, done, submit, className }: { action: (state: ConsoleFormState, formData: FormData) => Promise<ConsoleFormState>; schema?: ConsoleFormSchema; children: ReactNode; done?: string; submit: string; className?: string }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const form = useForm<FieldValues>({
    resolver: schema ? zodResolver(SCHEMAS[schema] as unknown as z.ZodType<FieldValues, FieldValues>) : undefined,
  });
  return (
    <FormProvider {...form}>
      <form
        action={formAction}
        onSubmit={(event) => {
          const element = event.currentTarget;
          void form.handleSubmit(() => startTransition(() => formAction(new FormData(element))))(event);
        }}
        className={className ?? 'stack'}
        noValidate
      >
        {state?.formError ? (
          <p role="alert" className="notice notice-error">
            {state.formError}
          </p>
        ) : null}
        {state?.ok && done ? (
          <p role="status" className="notice">
            {done}
          </p>
        ) : null}
        <ServerErrorsContext.Provider value={state?.fieldErrors ?? {}}>{children}</ServerErrorsContext.Provider>
        <div>
          <button type="submit" disabled={isPending}>
            {submit}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

type FieldProps = { name: string; label: string; type?: string; defaultValue?: string | number | null; multiline?: boolean; options?: Array<{ value: string; label: string }> };

export function Field({ name, label, type = 'text', defaultValue, multiline, options }: FieldProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = `field-${name.replace('.', '-')}`;
  const common = { id, 'aria-invalid': !!error, 'aria-describedby': error ? `${id}-error` : undefined, defaultValue: defaultValue ?? '', ...register(name) };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select {...common}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type={type} {...common} />
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox; several with one name and their own values make a CheckGroup, which shows their error. */
export function Check({ name, label, value, defaultChecked }: { name: string; label: string; value?: string; defaultChecked?: boolean }) {
  const { register } = useFormContext();
  const fieldError = useFieldError(name);
  const error = value === undefined ? fieldError : undefined;
  const id = `check-${name}-${value ?? 'on'}`;
  return (
    <div className="field">
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <input id={id} type="checkbox" value={value} defaultChecked={defaultChecked} aria-describedby={error ? `${id}-error` : undefined} {...register(name)} />
        <label htmlFor={id}>{label}</label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A fieldset of Checks sharing one name, with the group's one error at its end. */
export function CheckGroup({ name, legend, children }: { name: string; legend: string; children: ReactNode }) {
  const error = useFieldError(name);
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {children}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
