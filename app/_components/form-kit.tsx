'use client';

import { startTransition, useActionState, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import { lazyZodResolver, type SchemaLoader } from '@/app/_components/lazy-resolver';
import { useErrorText } from '@/app/_components/use-error-text';
import type { FormFailure, FormSuccess } from '@/lib/i18n/field-errors';

type Outcome = FormFailure | FormSuccess;
type ServerFormAction<State extends Outcome> = (state: State | null, formData: FormData) => Promise<State | null>;

type Options<Input extends FieldValues, Data, State extends Outcome> = {
  /** The form's schema, loaded when the form is first focused: `() => import('@/lib/x/schemas').then((m) => m.XSchema)`. */
  loadSchema: SchemaLoader<Input, Data>;
  action: ServerFormAction<State>;
  defaultValues: DefaultValues<Input>;
  /** Prefix of the element ids: `<prefix>-<field>`, `<prefix>-<field>-error`, `<prefix>-<field>-hint`. */
  idPrefix: string;
  errorNamespace: Parameters<typeof useErrorText>[0];
};

type Initial = string | string[] | number | boolean | null | undefined;

const asText = (value: Initial) => (value === null || value === undefined || Array.isArray(value) ? '' : String(value));
const isOn = (value: Initial) => value === true || value === 'on' || value === 'true';
const includes = (value: Initial, option: string) => (Array.isArray(value) ? value.includes(option) : asText(value) === option);
const isFailure = (state: Outcome | null): state is FormFailure => state?.ok === false;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the fields hold, in the shape of the defaults: react-hook-form reads a checkbox group of one
 * box as its value (or false), not as a list; what no field holds (set by code, or not shown) keeps
 * its default.
 */
function shapedLike(defaults: unknown, value: unknown): unknown {
  if (value === undefined) return defaults;
  if (Array.isArray(defaults)) return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  if (!isRecord(defaults) || !isRecord(value)) return value;
  const shaped = { ...value };
  for (const key of Object.keys(defaults)) shaped[key] = shapedLike(defaults[key], value[key]);
  return shaped;
}

/**
 * The one way a form works. The same zod schema checks the fields in the browser (errors
 * before the round trip; loaded when the form is first focused, see lazy-resolver.ts) and in the
 * server action. Without JavaScript the form posts to the action and the page comes back with the
 * server's localised errors beside the fields and, in the HTML
 * itself, what the person typed (or the defaults before that). react-hook-form gets no defaults of
 * its own: it reads each field from the page when its script starts, so what someone on a slow phone
 * typed before that is kept, not reset to the defaults. With JavaScript the action is called in a
 * transition, so nothing is reset either. A form that stays on its page after it worked (a console
 * editor) has an action that may also answer `FormSuccess`; `summary()` shows either answer above it.
 */
export function useServerForm<Input extends FieldValues, Data, State extends Outcome = FormFailure>({
  loadSchema,
  action,
  defaultValues,
  idPrefix,
  errorNamespace,
}: Options<Input, Data, State>) {
  const [state, formAction, isPending] = useActionState(action, null);
  const failure = isFailure(state) ? state : null;
  const message = useErrorText(errorNamespace);
  const [schema] = useState(() => lazyZodResolver(loadSchema));
  const form = useForm<Input, unknown, Data>({
    resolver: (values, context, options) => schema.resolver(shapedLike(defaultValues, values) as Input, context, options),
  });
  // Once the fields are read: values no field holds (set by code, like a campaign's audience sources)
  // start from the defaults, and useWatch sees them all. A useWatch gives its own `defaultValue` for the
  // first render (the server's HTML), before this runs.
  useEffect(() => {
    form.reset(shapedLike(defaultValues, form.getValues()) as Input, { keepFieldsRef: true, keepDefaultValues: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the script starts
  }, [form]);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = form;

  /** A nested field ("title.kk") gets a dashed id (`<prefix>-title-kk`), one a CSS selector can name. */
  const id = (name: Path<Input>) => `${idPrefix}-${name.replaceAll('.', '-')}`;
  const initial = (name: Path<Input>): Initial => (failure?.values ? failure.values[name] : (get(defaultValues, name) as Initial));

  const errorFor = (name: Path<Input>): string | undefined => {
    const clientKey = (get(errors, name) as { message?: string } | undefined)?.message;
    return clientKey ? message(clientKey) : failure?.fieldErrors[name];
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

  const checkboxProps = (name: Path<Input>) => ({
    id: id(name),
    type: 'checkbox' as const,
    defaultChecked: isOn(initial(name)),
    ...aria(name),
    ...register(name),
  });
  /** What went wrong, above the form. */
  const failureAlert = (): ReactNode =>
    failure ? (
      <p role="alert" className="notice notice-error">
        {failure.formError}
      </p>
    ) : null;
  /** What went wrong, or that it worked (`doneText` when the action has no notice of its own). */
  const summary = (doneText?: string): ReactNode => {
    if (failure) return failureAlert();
    const notice = state?.ok ? (state.notice ?? doneText) : undefined;
    return notice ? (
      <p role="status" className="notice">
        {notice}
      </p>
    ) : null;
  };

  return {
    state,
    isPending,
    errorFor,
    describedBy,
    fieldError,
    summary,
    /**
     * react-hook-form itself, for what the kit does not cover: values set by code, useWatch (with its
     * `defaultValue`), starting again after it worked (`form.reset()`: the fields' defaults in the HTML).
     */
    form,
    /**
     * A watched value in the shape of its defaults, as the schema reads it: react-hook-form gives a
     * checkbox group of one box as that box's value (or false), not as a list.
     */
    shapedAs: <Value,>(name: Path<Input>, value: Value): Value => shapedLike(get(defaultValues, name), value) as Value,
    failureAlert,
    /** The action's notice in a status region that is always there, so that it is announced when it appears. */
    liveNotice: (): ReactNode => (
      <p role="status" className="notice">
        {state?.ok ? state.notice : ''}
      </p>
    ),
    /** A labelled control (made with `textProps(name)`; with `{ hint: true }` when there is a hint) with its hint and error. */
    field: (name: Path<Input>, label: ReactNode, control: ReactNode, hint?: ReactNode) => (
      <div className="field">
        <label htmlFor={id(name)}>{label}</label>
        {hint ? (
          <p id={`${id(name)}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        {control}
        {fieldError(name)}
      </div>
    ),
    /** The form's submit button, disabled while the action runs. */
    submitButton: (label: ReactNode): ReactNode => (
      <div>
        <button type="submit" disabled={isPending}>
          {label}
        </button>
      </div>
    ),
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
      onFocus: () => void schema.preload(),
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        // The button pressed is sent too (its name and value), as a post without JavaScript sends it.
        const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        void handleSubmit(() => startTransition(() => formAction(formData)))(event);
      },
    },
    /** A text-like input, textarea or select. */
    textProps: (name: Path<Input>, { hint }: { hint?: boolean } = {}) => ({
      id: id(name),
      defaultValue: asText(initial(name)),
      ...aria(name, hint),
      ...register(name),
    }),
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
