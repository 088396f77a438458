'use client';

import { createContext, useActionState, useContext, type ReactNode } from 'react';
import type { ConsoleFormState } from './actions';

const ErrorsContext = createContext<Record<string, string>>({});

/** A console form bound to a server action; fields below read their error from the returned state. */
export function ActionForm({ action, children, done, submit, className }: { action: (state: ConsoleFormState, formData: FormData) => Promise<ConsoleFormState>; children: ReactNode; done?: string; submit: string; className?: string }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className={className ?? 'stack'} noValidate>
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
      <ErrorsContext.Provider value={state?.fieldErrors ?? {}}>{children}</ErrorsContext.Provider>
      <div>
        <button type="submit" disabled={isPending}>
          {submit}
        </button>
      </div>
    </form>
  );
}

type FieldProps = { name: string; label: string; type?: string; defaultValue?: string | number | null; multiline?: boolean; options?: Array<{ value: string; label: string }>; required?: boolean };

export function Field({ name, label, type = 'text', defaultValue, multiline, options }: FieldProps) {
  const error = useContext(ErrorsContext)[name];
  const id = `field-${name.replace('.', '-')}`;
  const common = { id, name, 'aria-invalid': !!error, 'aria-describedby': error ? `${id}-error` : undefined, defaultValue: defaultValue ?? '' };
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

export function Check({ name, label, value, defaultChecked }: { name: string; label: string; value?: string; defaultChecked?: boolean }) {
  const error = useContext(ErrorsContext)[name];
  const id = `check-${name}-${value ?? 'on'}`;
  return (
    <div className="field">
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <input id={id} type="checkbox" name={name} value={value} defaultChecked={defaultChecked} aria-describedby={error ? `${id}-error` : undefined} />
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
