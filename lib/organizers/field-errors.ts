import { fieldErrorTexts } from '@/lib/i18n/field-errors';
import enConsole from '@/messages/en/console.json';

export const { errorMessage, translateFieldErrors, appErrorToFieldErrors, formStateForError, invalidFormState } = fieldErrorTexts(
  'console.organizers',
  enConsole.organizers.errors,
);
export type { FormFailure } from '@/lib/i18n/field-errors';
