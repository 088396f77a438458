/** Any origin will do: it only lets URL resolve a path, and tells whether the path left it. */
const PROBE_ORIGIN = 'http://return-path.invalid';

/**
 * Where the second-factor page may send someone back to after it: a console page or an organizer
 * download (`/api/…`) of this site, or the enrolment page (adding a factor next to another one
 * needs a fresh check first). Anything else (another site, `//host`, a scheme, a path elsewhere)
 * gives the console's home.
 */
export function secondFactorReturnPath(locale: string, value: unknown): string {
  const home = `/${locale}/console`;
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value)) return home;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return home;
  }
  if (url.origin !== PROBE_ORIGIN) return home;
  const { pathname } = url;
  const allowed =
    pathname === home || pathname.startsWith(`${home}/`) || pathname.startsWith('/api/') || pathname === `/${locale}/login/enrol`;
  return allowed ? `${pathname}${url.search}` : home;
}
