'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, type FormEvent, type ReactNode } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { useErrorText } from '@/app/_components/use-error-text';
import type { FormFailure } from '@/lib/i18n/field-errors';

type ServerFormAction = (state: FormFailure | null, formData: FormData) => Promise<FormFailure | null>;

type Options<Input extends FieldValues, Data> = {
  schema: z.ZodType<Data, Input>;
  action: ServerFormAction;
  defaultValues: DefaultValues<Input>;
  /** Prefix of the element ids: `<prefix>-<field>`, `<prefix>-<field>-error`, `<prefix>-<field>-hint`. */
  idPrefix: string;
  errorNamespace: Parameters<typeof useErrorText>[0];
};

type Initial = string | string[] | number | boolean | null | undefined;

const asText = (value: Initial) => (value === null || value === undefined || Array.isArray(value) ? '' : String(value));
const isOn = (value: Initial) => value === true || value === 'on' || value === 'true';
const includes = (value: Initial, option: string) => (Array.isArray(value) ? value.includes(option) : asText(value) === option);

/**
 * The one way a public form works. The same zod schema checks the fields in the browser (errors
 * before the round trip) and in the server action. Without JavaScript the form posts to the action
 * and the page comes back with the server's localised errors beside the fields and, in the HTML
 * itself, what the person typed (or the defaults before that): react-hook-form's defaults live
 * only in the browser. With JavaScript the action is called in a transition, so nothing is reset.
 */
export function useServerForm<Input extends FieldValues, Data>({ schema, action, defaultValues, idPrefix, errorNamespace }: Options<Input, Data>) {
  const [state, formAction, isPending] = useActionState(action, null);
  const message = useErrorText(errorNamespace);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Input, unknown, Data>({ resolver: zodResolver(schema as never) as never, defaultValues });

  const id = (name: Path<Input>) => `${idPrefix}-${name}`;
  const initial = (name: Path<Input>): Initial => (state?.values ? state.values[name] : (get(defaultValues, name) as Initial));

  const errorFor = (name: Path<Input>): string | undefined => {
    const clientKey = (get(errors, name) as { message?: string } | undefined)?.message;
    return clientKey ? message(clientKey) : state?.fieldErrors[name];
  };
  const describedBy = (name: Path<Input>, hint?: boolean) =>
    [hint ? `${id(name)}-hint` : '', errorFor(name) ? `${id(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const aria = (name: Path<Input>, hint?: boolean) => ({ 'aria-invalid': !!errorFor(name), 'aria-describedby': describedBy(name, hint) });

  const fieldError = (name: Path<Input>): ReactNode => {
    const text = errorFor(name);
    return text ? (
      <p id={`${id(name)}-error`} className="field-error">
        {text}
      </p>
    ) : null;
  };

  const checkboxProps = (name: Path<Input>) => ({ id: id(name), type: 'checkbox' as const, defaultChecked: isOn(initial(name)), ...aria(name), ...register(name) });

  return {
    state,
    isPending,
    errorFor,
    describedBy,
    fieldError,
    /** The server's summary above the form ("the form has errors", "send again"), announced when it appears. */
    summary: state?.formError ? (
      <p role="alert" className="notice notice-error">
        {state.formError}
      </p>
    ) : null,
    /** A checkbox with its label beside it and its error below. */
    checkboxField: (name: Path<Input>, label: ReactNode) => (
      <div className="field">
        <div className="check">
          <input {...checkboxProps(name)} />
          <label htmlFor={id(name)}>{label}</label>
        </div>
        {fieldError(name)}
      </div>
    ),
    formProps: {
      action: formAction,
      noValidate: true,
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        const form = event.currentTarget;
        void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
      },
    },
    /** A text-like input, textarea or select. */
    textProps: (name: Path<Input>, { hint }: { hint?: boolean } = {}) => ({ id: id(name), defaultValue: asText(initial(name)), ...aria(name, hint), ...register(name) }),
    checkboxProps,
    /** One radio button or one box of a checkbox group; the group's error is on its fieldset. */
    choiceProps: (name: Path<Input>, value: string, type: 'radio' | 'checkbox' = 'radio') => ({
      id: `${id(name)}-${value}`,
      type,
      value,
      defaultChecked: includes(initial(name), value),
      ...register(name),
    }),
    hiddenProps: (name: Path<Input>) => ({ type: 'hidden' as const, defaultValue: asText(initial(name)), ...register(name) }),
  };
}

/** The field only bots fill (every public write refuses quietly what comes with it). */
export function Honeypot({ id, label }: { id: string; label: string }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
