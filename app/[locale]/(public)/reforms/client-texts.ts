// The keys of the texts this folder's client components take as props (lib/i18n/texts.ts).

/** `reforms.subscribe`: the "Get alerts" form. */
export const SUBSCRIBE_FORM_TEXTS = [
  'email',
  'emailHint',
  'scope',
  'scopeAll',
  'frequency',
  'language',
  'honeypot',
  'consent',
  'submit',
  'submitting',
] as const;
