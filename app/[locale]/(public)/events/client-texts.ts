// The keys of the texts this folder's client components take as props (lib/i18n/texts.ts).

/** `events.rsvp`: the RSVP form (`guestsHint` holds the event's limit: the page translates it with it). */
export const RSVP_FORM_TEXTS = [
  'name',
  'email',
  'emailHint',
  'guests',
  'consent',
  'honeypot',
  'submit',
  'submitWaitlist',
  'submitting',
] as const;

/** `events.submit`: the partner form. */
export const SUBMIT_FORM_TEXTS = ['choose', 'timeHint', 'inEachLanguage', 'honeypot', 'submit', 'submitting'] as const;

/** `events.submit.fields`: the partner form's fields, each labelled by its key. */
export const SUBMIT_FORM_FIELDS = [
  'title',
  'description',
  'type',
  'startsAt',
  'endsAt',
  'region',
  'city',
  'venue',
  'address',
  'mapUrl',
  'isOnline',
  'onlineUrl',
  'isOnlineLinkPrivate',
  'languages',
  'capacity',
  'maxGuestsPerRsvp',
  'accessibilityNotes',
  'organiserName',
  'submitterName',
  'submitterEmail',
  'consent',
] as const;
