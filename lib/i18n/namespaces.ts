/** Message namespaces, one file per namespace per locale in messages/<locale>/<namespace>.json. */
export const NAMESPACES = [
  'common',
  'home',
  'help',
  'errors',
  'auth',
  'console',
  'mail',
  'unsubscribe',
  'mailbox',
  'campaigns',
  'petitions',
  'events',
  'reforms',
] as const;

export type Namespace = (typeof NAMESPACES)[number];
