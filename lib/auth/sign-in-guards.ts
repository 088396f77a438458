import { clientIp } from '@/lib/client-ip';
import { db } from '@/lib/db';
import { hashAddress } from '@/lib/security/client-address';
import { hit } from '@/lib/rate-limit';
import { keyring } from '@/lib/security/personal-data';

export const SIGN_IN_MAILS_PER_ADDRESS_PER_HOUR = 5;
export const SIGN_IN_MAILS_PER_IP_PER_HOUR = 20;

/**
 * Counts a sign-in request against the per-address and per-IP hourly limits. Both counters are
 * always hit, whatever the outcome, so every request costs the same.
 */
export async function allowSignInRequest(email: string, ip?: string): Promise<boolean> {
  const address = ip ?? (await clientIp());
  const [byEmail, byIp] = await Promise.all([
    hit(`signin:email:${(await keyring()).emailIndex(email)}`, SIGN_IN_MAILS_PER_ADDRESS_PER_HOUR, 3600),
    hit(`signin:ip:${hashAddress(address)}`, SIGN_IN_MAILS_PER_IP_PER_HOUR, 3600),
  ]);
  return byEmail.allowed && byIp.allowed;
}

export async function isRegisteredEmail(email: string): Promise<boolean> {
  if (!email) return false;
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  return user !== null;
}
