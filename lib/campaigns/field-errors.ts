import { fieldErrorTexts } from '@/lib/i18n/field-errors';
import enCampaigns from '@/messages/en/campaigns.json';

export const { errorMessage, translateFieldErrors, appErrorToFieldErrors, formStateForError, invalidFormState } = fieldErrorTexts(
  'campaigns.console',
  enCampaigns.console.errors,
);
export type { FormFailure } from '@/lib/i18n/field-errors';
