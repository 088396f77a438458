import { fieldErrorTexts } from '@/lib/i18n/field-errors';
import enPetitions from '@/messages/en/petitions.json';

export const { errorMessage, translateFieldErrors, appErrorToFieldErrors, formStateForError, invalidFormState, errorTexts } =
  fieldErrorTexts('petitions', enPetitions.errors);
export type { FormFailure } from '@/lib/i18n/field-errors';
