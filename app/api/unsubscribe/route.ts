import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/translator';
import { unsubscribe } from '@/lib/unsubscribe/unsubscribe';
import { verifyUnsubscribeToken } from '@/lib/unsubscribe/tokens';
import { LOCALES } from '@/lib/validation';

/*
 * RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` to the URL in
 * the List-Unsubscribe header and expect it to take effect at once. A GET (a person, or a link
 * scanner) changes nothing: it lands on the page, which asks for a button press.
 */

export const dynamic = 'force-dynamic';

function preferredLocale(request: Request): (typeof LOCALES)[number] {
  const header = request.headers.get('accept-language') ?? '';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    const match = LOCALES.find((locale) => locale === tag);
    if (match) return match;
  }
  return LOCALES[0];
}

function text(body: string, status: number): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

async function isOneClickBody(request: Request): Promise<boolean> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > 16 * 1024) return false;
  try {
    const form = await request.formData();
    return form.get('List-Unsubscribe') === 'One-Click';
  } catch {
    return false;
  }
}

export async function POST(request: Request): Promise<Response> {
  const t = getTranslator(preferredLocale(request), 'unsubscribe');
  const claim = verifyUnsubscribeToken(new URL(request.url).searchParams.get('token'));
  if (!claim) return text(t('oneClickInvalid'), 400);
  if (!(await isOneClickBody(request))) return text(t('oneClickBadRequest'), 400);
  await unsubscribe(claim);
  return text(t('oneClickDone'), 200);
}

export async function GET(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const claim = verifyUnsubscribeToken(token);
  const supporter = claim ? await db.supporter.findUnique({ where: { id: claim.supporterId }, select: { locale: true } }) : null;
  const locale = supporter?.locale ?? preferredLocale(request);
  const target = new URL(`/${locale}/unsubscribe`, env.APP_URL);
  if (token) target.searchParams.set('token', token);
  return new Response(null, { status: 303, headers: { Location: target.toString(), 'Cache-Control': 'no-store' } });
}
