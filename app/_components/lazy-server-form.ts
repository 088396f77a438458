'use client';

import { startTransition } from 'react';
import type { FieldValues } from 'react-hook-form';
import { serverFormFields, useServerFormAction, type Outcome, type ServerFormOptions } from '@/app/_components/form-fields';
import { useLazyFormControl } from '@/app/_components/lazy-form-control';
import { errorTextFrom } from '@/lib/i18n/texts';
import type { ErrorTexts, FormFailure } from '@/lib/i18n/field-errors';

/**
 * useServerForm (form-kit.tsx) for the public pages, with react-hook-form loaded when the form is
 * first focused (useLazyFormControl): the same controls, errors and server action, without `form`
 * and `shapedAs`, which need react-hook-form from the start (the console's editors use them). Its
 * error texts come from the server (`errorTexts`): public pages load no translator.
 */
export function useLazyServerForm<Input extends FieldValues, Data, State extends Outcome = FormFailure>(
  options: ServerFormOptions<Input, Data, State> & { errorTexts: ErrorTexts },
) {
  const { defaultValues, idPrefix } = options;
  const { state, formAction, isPending, resolver, preload } = useServerFormAction(options);
  const message = errorTextFrom(options.errorTexts);
  const send = (formData: FormData) => startTransition(() => formAction(formData));
  const control = useLazyFormControl<Input, Data>({
    resolver,
    preload,
    onValid: (_data, formData) => send(formData),
    onUnavailable: send,
  });
  const isBusy = isPending || control.isSubmitting;

  return serverFormFields<Input, State>({
    state,
    isPending: isBusy,
    defaultValues,
    idPrefix,
    message,
    clientErrors: control.errors,
    register: (name) => ({ name }),
    formProps: { action: formAction, noValidate: true, onFocus: control.onFocus, onSubmit: (event) => void control.onSubmit(event) },
  });
}
