/** Version of the privacy notice shown beside the RSVP and submission forms (recorded as consent). */
export const EVENT_PRIVACY_NOTICE_VERSION = 'events-2026-01';

/** Upper bound on guests an event may allow per RSVP (each event sets its own, up to this). */
export const MAX_GUESTS_LIMIT = 10;

/** Public RSVPs per client network per 10 minutes; partner submissions per hour. */
export const RSVP_LIMIT_PER_WINDOW = 30;
export const RSVP_LIMIT_WINDOW_SECONDS = 600;
export const SUBMIT_LIMIT_PER_HOUR = 5;

/** How long a mailed link that changes an existing RSVP works (it carries the new answer itself). */
export const RSVP_CHANGE_LINK_TTL_SECONDS = 7 * 24 * 3600;

/** Paths under /events that are pages, never event slugs. */
export const RESERVED_SLUGS = ['submit', 'rsvp', 'feed', 'new', 'moderation', 'campaigns', 'figures'] as const;

export const EVENT_TYPES = ['RALLY', 'MARCH', 'ILLUMINATION', 'ART_INSTALLATION', 'LECTURE', 'WORKSHOP', 'ONLINE', 'OTHER'] as const;
