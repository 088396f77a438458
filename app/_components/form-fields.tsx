import { useActionState, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';
import type { DefaultValues, FieldErrors, FieldValues, Path, Resolver } from 'react-hook-form';
import { lazyZodResolver, type SchemaLoader } from '@/app/_components/lazy-resolver';
import type { FormFailure, FormSuccess } from '@/lib/i18n/field-errors';

/*
 * What a server form renders, shared by useServerForm (form-kit.tsx, react-hook-form with the page)
 * and useLazyServerForm (lazy-server-form.ts, react-hook-form when the form is first focused). Only
 * types come from react-hook-form here, so that a public page's form does not bring it along.
 */

export type Outcome = FormFailure | FormSuccess;
export type ServerFormAction<State extends Outcome> = (state: State | null, formData: FormData) => Promise<State | null>;

export type ServerFormOptions<Input extends FieldValues, Data, State extends Outcome> = {
  /** The form's schema, loaded when the form is first focused: `() => import('@/lib/x/schemas').then((m) => m.XSchema)`. */
  loadSchema: SchemaLoader<Input, Data>;
  action: ServerFormAction<State>;
  defaultValues: DefaultValues<Input>;
  /** Prefix of the element ids: `<prefix>-<field>`, `<prefix>-<field>-error`, `<prefix>-<field>-hint`. */
  idPrefix: string;
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
export function shapedLike(defaults: unknown, value: unknown): unknown {
  if (value === undefined) return defaults;
  if (Array.isArray(defaults)) return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  if (!isRecord(defaults) || !isRecord(value)) return value;
  const shaped = { ...value };
  for (const key of Object.keys(defaults)) shaped[key] = shapedLike(defaults[key], value[key]);
  return shaped;
}

/** The value at a field's dotted name ("title.kk"), as react-hook-form names nested fields. */
export function valueAt(object: unknown, name: string): unknown {
  return name.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), object);
}

/** What both kits start from: the action and its answer, and the schema's resolver. */
export function useServerFormAction<Input extends FieldValues, Data, State extends Outcome>({
  loadSchema,
  action,
  defaultValues,
}: ServerFormOptions<Input, Data, State>) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [schema] = useState(() => lazyZodResolver(loadSchema));
  const resolver: Resolver<Input, unknown, Data> = (values, context, options) =>
    schema.resolver(shapedLike(defaultValues, values) as Input, context, options);
  return { state, formAction, isPending, resolver, preload: schema.preload };
}

type FormProps = {
  action: (formData: FormData) => void;
  noValidate: true;
  onFocus: (event: FocusEvent<HTMLFormElement>) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

/** The controls' ids, ARIA wiring, defaults in the HTML and errors (the client's first, then the server's). */
export function serverFormFields<Input extends FieldValues, State extends Outcome>({
  state,
  isPending,
  defaultValues,
  idPrefix,
  message,
  clientErrors,
  register,
  formProps,
}: {
  state: State | null;
  isPending: boolean;
  defaultValues: DefaultValues<Input>;
  idPrefix: string;
  message: (key: string) => string;
  clientErrors: FieldErrors<Input>;
  /** react-hook-form's `register`, or only the name when react-hook-form takes the fields over later. */
  register: (name: Path<Input>) => { name: string };
  formProps: FormProps;
}) {
  const failure = isFailure(state) ? state : null;
  /** A nested field ("title.kk") gets a dashed id (`<prefix>-title-kk`), one a CSS selector can name. */
  const id = (name: Path<Input>) => `${idPrefix}-${name.replaceAll('.', '-')}`;
  const initial = (name: Path<Input>): Initial => (failure?.values ? failure.values[name] : (valueAt(defaultValues, name) as Initial));

  const errorFor = (name: Path<Input>): string | undefined => {
    const clientKey = (valueAt(clientErrors, name) as { message?: string } | undefined)?.message;
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
    formProps,
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
