/**
 * Where Quick exit goes: an ordinary, neutral page that looks like any everyday search.
 * Change it here; e2e tests intercept this exact URL.
 */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=weather';

/** Escape pressed this many times within QUICK_EXIT_KEY_WINDOW_MS leaves the site. */
export const QUICK_EXIT_KEY_PRESSES = 2;
export const QUICK_EXIT_KEY_WINDOW_MS = 1000;
