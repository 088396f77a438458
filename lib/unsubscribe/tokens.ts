import { z } from 'zod';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/generated/prisma/enums';
import { signJsonToken, verifySignedJsonToken } from '@/lib/security/tokens';
import { mailDomain } from '@/lib/smtp-transport';

/** The topic that covers every bulk message. */
export const ALL_TOPICS = 'all';

export const TopicSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

export type UnsubscribeClaim = { supporterId: string; topic: string };

const PayloadSchema = z.object({ s: z.string().min(1).max(64), t: TopicSchema });

const PURPOSE = 'dauys.unsubscribe.v1';

/**
 * `<payload>.<mac>`, both base64url; payload = {"s": supporterId, "t": topic}. No expiry: an
 * unsubscribe link in an old mail must keep working.
 */
export function createUnsubscribeToken(claim: UnsubscribeClaim): string {
  return signJsonToken(PURPOSE, { s: claim.supporterId, t: TopicSchema.parse(claim.topic) });
}

/** The claim of a well-formed, untampered token, or null. */
export function verifyUnsubscribeToken(token: string | null | undefined): UnsubscribeClaim | null {
  const payload = verifySignedJsonToken(PURPOSE, token, PayloadSchema, 512);
  return payload ? { supporterId: payload.s, topic: payload.t } : null;
}

function baseUrl(): string {
  return env.APP_URL.replace(/\/$/, '');
}

/** RFC 8058 one-click target: POST unsubscribes, GET redirects to the page. */
export function oneClickUnsubscribeUrl(claim: UnsubscribeClaim): string {
  return `${baseUrl()}/api/unsubscribe?token=${createUnsubscribeToken(claim)}`;
}

/** The page people open from the footer link: it asks before it changes anything. */
export function unsubscribePageUrl(claim: UnsubscribeClaim, locale: Locale): string {
  return `${baseUrl()}/${locale}/unsubscribe?token=${createUnsubscribeToken(claim)}`;
}

/** Where the List-Unsubscribe mailto goes (received by lib/unsubscribe/unsubscribe-mailbox.ts). */
export function unsubscribeMailbox(): string {
  return `unsubscribe@${mailDomain()}`;
}

/** The mailto for a token already signed: its subject is `unsubscribe <token>`. */
export function unsubscribeMailtoFor(token: string): string {
  return `mailto:${unsubscribeMailbox()}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
}

export function unsubscribeMailto(claim: UnsubscribeClaim): string {
  return unsubscribeMailtoFor(createUnsubscribeToken(claim));
}

/** The token in a text written by unsubscribeMailtoFor (a subject, or a body it was moved to). */
export function findUnsubscribeToken(text: string): string | null {
  return /\bunsubscribe\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/i.exec(text)?.[1] ?? null;
}

/** The RFC 2369 / RFC 8058 headers of a bulk message. */
export function listUnsubscribeHeaders(claim: UnsubscribeClaim): Record<string, string> {
  return {
    'List-Unsubscribe': `<${oneClickUnsubscribeUrl(claim)}>, <${unsubscribeMailto(claim)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
