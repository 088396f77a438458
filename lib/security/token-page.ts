import type { Metadata } from 'next';

/**
 * Metadata of a page opened from a mailed link with a token in its URL, whose button posts a server
 * action. `same-origin` keeps the token out of Referer headers to other sites; `no-referrer` would
 * also make Chromium post the form with `Origin: null`, which Next.js refuses for a server action,
 * so without JavaScript the button failed with a 500.
 */
export const tokenPageMetadata: Metadata = { robots: { index: false }, referrer: 'same-origin' };
