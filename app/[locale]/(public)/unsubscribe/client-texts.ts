// The keys of the texts this folder's client components take as props (lib/i18n/texts.ts).

/** `unsubscribe`: the form and what it says once done (the texts naming what the link stops are translated apart). */
export const UNSUBSCRIBE_FORM_TEXTS = ['button', 'working', 'doneTitle', 'doneAll', 'everythingPrompt', 'everythingButton'] as const;
