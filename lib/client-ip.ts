import { headers } from 'next/headers';

/**
 * The client's address as the nearest proxy reports it, for rate limits (never for anything that
 * must be trusted: without a proxy in front, X-Forwarded-For is whatever the client sent).
 * Outside a request (scripts, tests) it is "unknown".
 */
export async function clientIp(): Promise<string> {
  try {
    const list = await headers();
    const forwarded = list.get('x-forwarded-for')?.split(',')[0]?.trim();
    return forwarded || list.get('x-real-ip')?.trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}
