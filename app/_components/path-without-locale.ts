/** A page's path without its leading locale: "/kk/events/x" → "/events/x", "/kk" → "". */
export function pathWithoutLocale(pathname: string): string {
  return pathname.replace(/^\/[^/]+/, '');
}
