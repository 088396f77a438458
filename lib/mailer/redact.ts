/** Anything address-like, with the angle brackets SMTP puts around it. */
const ADDRESS_IN_TEXT = /<?[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+>?/g;

/**
 * An SMTP reply or error as it may be stored (lastError, bounceReason): servers quote the recipient
 * ("550 5.1.1 <aigerim@example.org>: user unknown"), and the reason must not keep what the address
 * columns seal.
 */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS_IN_TEXT, '<address>');
}
