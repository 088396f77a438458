import { ConfirmSignInSchema } from '@/lib/auth/schemas';
import { env } from '@/lib/env';

/*
 * The button on the sign-in landing page posts here; only then does the browser go on (303, GET)
 * to next-auth's callback, which consumes the single-use token and starts the session. Link
 * scanners GET the landing page and never reach this.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response('Forbidden', { status: 403 });

  const form = await request.formData().catch(() => null);
  const parsed = ConfirmSignInSchema.safeParse(form ? Object.fromEntries(form) : {});
  if (!parsed.success) return seeOther('/login?error=Verification');

  const { token, email, callbackUrl } = parsed.data;
  const query = new URLSearchParams({ token, email });
  if (callbackUrl) query.set('callbackUrl', callbackUrl);
  return seeOther(`/api/auth/callback/email?${query}`);
}

export function GET() {
  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
}

function seeOther(location: string) {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

// Guards against login CSRF (someone else's token posted from another site). Sec-Fetch-Site is the
// reliable signal: with `Referrer-Policy: no-referrer` browsers send `Origin: null` even same-origin.
function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return true;
  return origin === new URL(env.APP_URL).origin || origin === new URL(request.url).origin;
}
