/** Confirmations add 1 to one of this many counter rows at random (see PetitionCountShard). */
export const COUNT_SHARDS = 64;

/** The version of the privacy notice shown beside the sign form; recorded with each consent. */
export const PRIVACY_NOTICE_VERSION = 'petitions-2025-01';

/** At most this many mails per signature (the first confirmation request and re-sends). */
export const MAX_MAILS_PER_SIGNATURE = 5;
/** Signing again within this time after a mail sends no new one. */
export const RESEND_AFTER_SECONDS = 60;
/** Unconfirmed signatures are deleted after this time. */
export const PENDING_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Per-address limits on signing, in fixed windows. Mobile carriers put many people behind one
 * address, so a burst above FLAG is accepted and flagged for organizers; only EXTREME is refused.
 */
export const SIGN_LIMIT_WINDOW_SECONDS = 10 * 60;
export const SIGN_LIMIT_FLAG = 20;
export const SIGN_LIMIT_EXTREME = 600;

/** The public count is read from the shards at most once per this many ms per process. */
export const COUNT_CACHE_MS = 1_000;
/** Page and JSON responses: a CDN may serve them this long (the count polls the JSON). */
export const PAGE_CACHE_CONTROL = 'public, s-maxage=5, stale-while-revalidate=30';
export const API_CACHE_CONTROL = 'public, max-age=0, s-maxage=2, stale-while-revalidate=2';
/** The page re-reads the count this often. */
export const COUNT_POLL_MS = 3_000;

export const CITY_MAX = 100;
export const COMMENT_MAX = 500;
