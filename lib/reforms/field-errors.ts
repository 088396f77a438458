import { fieldErrorTexts } from '@/lib/i18n/field-errors';
import enReforms from '@/messages/en/reforms.json';

export const { errorMessage, translateFieldErrors, appErrorToFieldErrors, formStateForError, invalidFormState, errorTexts } =
  fieldErrorTexts('reforms', enReforms.errors);
export type { FormFailure } from '@/lib/i18n/field-errors';
