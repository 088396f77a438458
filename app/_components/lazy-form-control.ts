'use client';

import { useRef, useState, type FocusEvent, type FormEvent } from 'react';
import type { FieldErrors, FieldValues, Path, Resolver, UseFormHandleSubmit } from 'react-hook-form';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The fields react-hook-form reads: named ones, not buttons, nor the inputs React adds for a server action (`$ACTION_…`). */
function namedFields(form: HTMLFormElement): Field[] {
  return Array.from(form.elements).filter(
    (element): element is Field =>
      (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) &&
      element.name !== '' &&
      !element.name.startsWith('$'),
  );
}

/**
 * react-hook-form for a form whose fields the page renders as plain HTML, loaded when the form is
 * first focused instead of with the page: a supporter who only reads the page downloads none of it
 * (about 12 KB with Brotli, the largest part of a public page's own JavaScript). When it loads it
 * takes the fields as they are (`createFormControl` registers the same elements React rendered, so
 * nothing typed is reset and focus stays), and from then on validates as `useForm` would: on submit,
 * then again on each change. A submit before it has loaded waits for it; should it not load at all
 * (the connection dropped), `onUnavailable` sends the form unchecked (by default as a post without
 * JavaScript), and the server checks it with the same schema.
 */
export function useLazyFormControl<Input extends FieldValues, Data>({
  resolver,
  preload,
  onValid,
  onUnavailable = (_formData, form) => form.submit(),
}: {
  resolver: Resolver<Input, unknown, Data>;
  /** Starts loading what the resolver needs, alongside react-hook-form. */
  preload?: () => unknown;
  /** Sends the checked form; `formData` holds the fields as posted, with the button pressed. */
  onValid: (data: Data, formData: FormData) => Promise<void> | void;
  onUnavailable?: (formData: FormData, form: HTMLFormElement) => void;
}) {
  const [errors, setErrors] = useState<FieldErrors<Input>>({});
  const [isSubmitting, setSubmitting] = useState(false);
  const loading = useRef<Promise<UseFormHandleSubmit<Input, Data> | null> | null>(null);

  const attach = (form: HTMLFormElement): Promise<UseFormHandleSubmit<Input, Data> | null> => {
    loading.current ??= import('react-hook-form').then(
      ({ createFormControl }) => {
        const control = createFormControl<Input, unknown, Data>({ resolver });
        for (const element of namedFields(form)) {
          const field = control.register(element.name as Path<Input>);
          void field.ref(element);
          const changeEvent = element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type) ? 'change' : 'input';
          element.addEventListener(changeEvent, (event) => void field.onChange(event));
          element.addEventListener('blur', (event) => void field.onBlur(event));
        }
        control.subscribe({
          formState: { errors: true },
          callback: (state) => setErrors({ ...state.errors } as FieldErrors<Input>),
        });
        return control.handleSubmit;
      },
      () => {
        loading.current = null;
        return null;
      },
    );
    return loading.current;
  };

  return {
    errors,
    isSubmitting,
    onFocus: (event: FocusEvent<HTMLFormElement>) => {
      void preload?.();
      void attach(event.currentTarget);
    },
    onSubmit: async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      // The button pressed is sent too (its name and value), as a post without JavaScript sends it.
      const formData = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
      setSubmitting(true);
      try {
        const handleSubmit = await attach(form);
        if (handleSubmit) await handleSubmit((data) => onValid(data, formData))();
        else onUnavailable(formData, form);
      } finally {
        setSubmitting(false);
      }
    },
  };
}
