import { fieldErrorTexts } from '@/lib/i18n/field-errors';
import enEvents from '@/messages/en/events.json';

export const { errorMessage, translateFieldErrors, appErrorToFieldErrors, formStateForError, invalidFormState, errorTexts } =
  fieldErrorTexts('events', enEvents.errors);
export type { FormFailure } from '@/lib/i18n/field-errors';
