'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { useServerForm } from '@/app/_components/form-kit';
import type { FormFailure, FormState, FormSuccess } from '@/lib/i18n/field-errors';

/** What each console form's server action parses; the form checks the same schema before sending. */
const SCHEMAS = {
  event: 'EventFormSchema',
  campaign: 'CampaignFormSchema',
  reject: 'RejectSchema',
  cancel: 'CancelEventSchema',
  none: 'NoInputSchema',
} as const;
export type ConsoleFormSchema = keyof typeof SCHEMAS;

async function loadConsoleSchema(name: ConsoleFormSchema): Promise<z.ZodType<unknown, FieldValues>> {
  const schemas = await import('@/lib/events/schemas');
  return schemas[SCHEMAS[name]] as unknown as z.ZodType<unknown, FieldValues>;
}

type Kit = ReturnType<typeof useServerForm<FieldValues, unknown, FormFailure | FormSuccess>>;
const KitContext = createContext<Kit | null>(null);

function useKit(): Kit {
  const kit = useContext(KitContext);
  if (!kit) throw new Error('A console form field is used outside an ActionForm');
  return kit;
}

type ActionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  schema?: ConsoleFormSchema;
  /** What the fields show first, by field name (nested: `{ title: { kk } }`). */
  defaultValues?: DefaultValues<FieldValues>;
  children: ReactNode;
  done?: string;
  submit: string;
  className?: string;
};

/**
 * A console form built from Field, Check and CheckGroup, on the form kit (app/_components/form-kit.tsx):
 * the action's zod schema on both sides, and without JavaScript a plain post to the action.
 */
export function ActionForm({ action, schema = 'none', defaultValues = {}, children, done, submit, className }: ActionFormProps) {
  const kit = useServerForm<FieldValues, unknown, FormFailure | FormSuccess>({
    loadSchema: () => loadConsoleSchema(schema),
    action,
    defaultValues,
    idPrefix: 'field',
    errorNamespace: 'events',
  });
  return (
    <form {...kit.formProps} className={className ?? 'stack'}>
      {kit.summary(done)}
      <KitContext.Provider value={kit}>{children}</KitContext.Provider>
      {kit.submitButton(submit)}
    </form>
  );
}

type FieldProps = { name: string; label: string; type?: string; multiline?: boolean; options?: Array<{ value: string; label: string }> };

export function Field({ name, label, type = 'text', multiline, options }: FieldProps) {
  const { textProps, fieldError } = useKit();
  const props = textProps(name);
  return (
    <div className="field">
      <label htmlFor={props.id}>{label}</label>
      {options ? (
        <select {...props}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea rows={4} {...props} />
      ) : (
        <input type={type} {...props} />
      )}
      {fieldError(name)}
    </div>
  );
}

/** A checkbox; several with one name and their own values make a CheckGroup, which shows their error. */
export function Check({ name, label, value }: { name: string; label: string; value?: string }) {
  const { checkboxProps, choiceProps, fieldError } = useKit();
  const props = value === undefined ? checkboxProps(name) : choiceProps(name, value, 'checkbox');
  return (
    <div className="field">
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <input {...props} />
        <label htmlFor={props.id}>{label}</label>
      </div>
      {value === undefined ? fieldError(name) : null}
    </div>
  );
}

/** A fieldset of Checks sharing one name, with the group's one error at its end (`<name>-error`, as the e2e specs know it). */
export function CheckGroup({ name, legend, children }: { name: string; legend: string; children: ReactNode }) {
  const error = useKit().errorFor(name);
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

/** The error of a field as a whole, e.g. a text per language with none of its forms filled (its inputs show their own). */
export function FieldError({ name }: { name: string }) {
  return useKit().fieldError(name);
}
