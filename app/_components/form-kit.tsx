'use client';

import { startTransition, useEffect, type FormEvent } from 'react';
import { useForm, type FieldValues, type Path } from 'react-hook-form';
import {
  serverFormFields,
  shapedLike,
  useServerFormAction,
  valueAt,
  type Outcome,
  type ServerFormOptions,
} from '@/app/_components/form-fields';
import { useErrorText } from '@/app/_components/use-error-text';
import type { ErrorNamespace, FormFailure } from '@/lib/i18n/field-errors';

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
export function useServerForm<Input extends FieldValues, Data, State extends Outcome = FormFailure>(
  options: ServerFormOptions<Input, Data, State> & { errorNamespace: ErrorNamespace | null },
) {
  const { defaultValues, idPrefix } = options;
  const { state, formAction, isPending, resolver, preload } = useServerFormAction(options);
  const message = useErrorText(options.errorNamespace);
  const form = useForm<Input, unknown, Data>({ resolver });
  // Once the fields are read: values no field holds (set by code, like a campaign's audience sources)
  // start from the defaults, and useWatch sees them all. A useWatch gives its own `defaultValue` for the
  // first render (the server's HTML), before this runs.
  useEffect(() => {
    form.reset(shapedLike(defaultValues, form.getValues()) as Input, { keepFieldsRef: true, keepDefaultValues: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the script starts
  }, [form]);

  return {
    ...serverFormFields<Input, State>({
      state,
      isPending,
      defaultValues,
      idPrefix,
      message,
      clientErrors: form.formState.errors,
      register: form.register,
      formProps: {
        action: formAction,
        noValidate: true,
        onFocus: () => void preload(),
        onSubmit: (event: FormEvent<HTMLFormElement>) => {
          // The button pressed is sent too (its name and value), as a post without JavaScript sends it.
          const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
          void form.handleSubmit(() => startTransition(() => formAction(formData)))(event);
        },
      },
    }),
    /**
     * react-hook-form itself, for what the kit does not cover: values set by code, useWatch (with its
     * `defaultValue`), starting again after it worked (`form.reset()`: the fields' defaults in the HTML).
     */
    form,
    /**
     * A watched value in the shape of its defaults, as the schema reads it: react-hook-form gives a
     * checkbox group of one box as that box's value (or false), not as a list.
     */
    shapedAs: <Value,>(name: Path<Input>, value: Value): Value => shapedLike(valueAt(defaultValues, name), value) as Value,
  };
}
