'use client';

import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import type { FieldErrors, FieldValues, Path, Resolver } from 'react-hook-form';

type Submit = () => Promise<unknown>;

/** A form field react-hook-form can read: the ones with a name (buttons have none). */
function namedFields(form: HTMLFormElement): Array<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> {
  return Array.from(form.elements).filter(
    (element): element is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) &&
      element.name !== '',
  );
}

/**
 * react-hook-form for a form whose fields the page renders as plain HTML, loaded when the form is
 * first focused instead of with the page: a supporter who only reads the page downloads none of it
 * (12.9 KB with Brotli, the largest part of the petition page's own JavaScript). When it loads it
 * takes the fields as they are (`createFormControl` registers the same elements React rendered, so
 * nothing typed is reset and focus stays), and from then on validates as `useForm` would: on submit,
 * then again on each change. A submit before it has loaded waits for it; should it not load at all
 * (the connection dropped), the form posts as it does without JavaScript and the server checks it.
 */
export function useLazyFormControl<Input extends FieldValues, Data>({
  resolver,
  preload,
  onValid,
}: {
  resolver: Resolver<Input, unknown, Data>;
  /** Starts loading what the resolver needs, alongside react-hook-form. */
  preload?: () => unknown;
  onValid: (data: Data) => Promise<void>;
}) {
  const [errors, setErrors] = useState<FieldErrors<Input>>({});
  const [isSubmitting, setSubmitting] = useState(false);
  const submitting = useRef<Promise<Submit | null> | null>(null);
  const latestOnValid = useRef(onValid);
  useEffect(() => {
    latestOnValid.current = onValid;
  });

  const attach = (form: HTMLFormElement): Promise<Submit | null> => {
    submitting.current ??= import('react-hook-form').then(
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
        return control.handleSubmit((data) => latestOnValid.current(data));
      },
      () => {
        submitting.current = null;
        return null;
      },
    );
    return submitting.current;
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
      setSubmitting(true);
      try {
        const submit = await attach(form);
        if (submit) await submit();
        else form.submit();
      } finally {
        setSubmitting(false);
      }
    },
  };
}
