// The keys of the texts this folder's client components take as props (lib/i18n/texts.ts).

/** `petitions.form`: the sign form. */
export const SIGN_FORM_TEXTS = [
  'fullName',
  'email',
  'emailHint',
  'region',
  'regionPlaceholder',
  'city',
  'comment',
  'commentHint',
  'honeypot',
  'isPublic',
  'consent',
  'wantsUpdates',
  'submit',
  'submitting',
  'hasErrors',
  'failed',
] as const;
