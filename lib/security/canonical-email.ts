/*
 * The mailbox an address reaches, which is how Dauys tells one person from another (the blind
 * index is taken of it) and how it counts the mail one person is sent (lib/mail-budget.ts). Mail
 * still goes to the address as it was typed.
 *
 * Lower case; without a +tag (RFC 5233 sub-addressing, which the big providers and most servers
 * deliver to the same mailbox; at a server that does not, `a+b@` and `a@` count as one person,
 * which errs on the side of one signature each); Gmail without dots, googlemail.com as gmail.com.
 */

const DOTLESS_DOMAINS = new Set(['gmail.com']);
const DOMAIN_ALIASES: Record<string, string> = { 'googlemail.com': 'gmail.com' };

export function canonicalEmail(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1) return address;
  const typedDomain = address.slice(at + 1).replace(/\.$/, '');
  const domain = DOMAIN_ALIASES[typedDomain] ?? typedDomain;
  let local = address.slice(0, at).split('+')[0] || address.slice(0, at);
  if (DOTLESS_DOMAINS.has(domain)) local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}
