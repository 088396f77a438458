/*
 * One person, one address: the form of an address that the blind index is taken of. Mail still
 * goes to the address as it was typed; this form only decides who is the same person.
 */

/** Providers that deliver `name+anything@` to `name@` (sub-addressing). */
const PLUS_ALIAS_DOMAINS = new Set([
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'fastmail.com',
  'yandex.ru',
  'yandex.kz',
  'yandex.com',
]);

/** Providers that ignore dots in the name part. */
const DOTLESS_DOMAINS = new Set(['gmail.com']);

/** Other names of one provider's mailboxes. */
const DOMAIN_ALIASES: Record<string, string> = { 'googlemail.com': 'gmail.com', 'ya.ru': 'yandex.ru', 'yandex.by': 'yandex.ru' };

export function canonicalEmail(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1) return address;
  const domain = DOMAIN_ALIASES[address.slice(at + 1)] ?? address.slice(at + 1);
  let local = address.slice(0, at);
  if (PLUS_ALIAS_DOMAINS.has(domain)) local = local.split('+')[0] || local;
  if (DOTLESS_DOMAINS.has(domain)) local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}
