'use client';

import { startTransition, useActionState, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { serverFormFields, shapedLike, type Outcome, type ServerFormOptions } from '@/app/_components/form-fields';
import { useLazyFormControl } from '@/app/_components/lazy-form-control';
import { lazyZodResolver } from '@/app/_components/lazy-resolver';
import { useErrorText } from '@/app/_components/use-error-text';
import type { FormFailure } from '@/lib/i18n/field-errors';

/**
 * useServerForm (form-kit.tsx) for the public pages, with react-hook-form loaded when the form is
 * first focused (useLazyFormControl): the same controls, errors and server action, without `form`
 * and `shapedAs`, which need react-hook-form from the start (the console's editors use them).
 */
export function useLazyServerForm<Input extends FieldValues, Data, State extends Outcome = FormFailure>({
  loadSchema,
  action,
  defaultValues,
  idPrefix,
  errorNamespace,
}: ServerFormOptions<Input, Data, State>) {
  const [state, formAction, isPending] = useActionState(action, null);
  const message = useErrorText(errorNamespace);
  const [schema] = useState(() => lazyZodResolver(loadSchema));
  const send = (formData: FormData) => startTransition(() => formAction(formData));
  const control = useLazyFormControl<Input, Data>({
    resolver: (values, context, options) => schema.resolver(shapedLike(defaultValues, values) as Input, context, options),
    preload: schema.preload,
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
