import { clientAddressFrom } from '@/lib/client-ip';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/lib/database-availability';
import { getTranslator } from '@/lib/i18n/translator';
import { translateFieldErrors } from '@/lib/petitions/field-errors';
import { SignPetitionSchema } from '@/lib/petitions/schemas';
import { checkEmailPath, encodeFlash, FLASH_COOKIE, signFormPath, type SignFormFlash } from '@/lib/petitions/sign-form-flash';
import { signPetition, type SignOutcome } from '@/lib/petitions/sign-petition';
import { fieldErrorKeys, isSlug, readLocale } from '@/lib/validation';

type Context = { params: Promise<{ slug: string }> };

const FORM_ERRORS: Record<Exclude<SignOutcome, 'accepted'>, { key: 'closed' | 'rateLimited'; status: number }> = {
  closed: { key: 'closed', status: 409 },
  'rate-limited': { key: 'rateLimited', status: 429 },
};

async function readBody(request: Request): Promise<{ body: Record<string, unknown>; isForm: boolean }> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await request.json().catch(() => null)) as unknown;
    return { body: body && typeof body === 'object' ? (body as Record<string, unknown>) : {}, isForm: false };
  }
  const form = await request.formData().catch(() => null);
  const body: Record<string, unknown> = {};
  form?.forEach((value, key) => {
    if (typeof value === 'string') body[key] = value;
  });
  return { body, isForm: true };
}

function seeOther(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  if (cookie) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

function flashCookie(path: string, flash: SignFormFlash | null): string {
  const value = flash ? encodeFlash(flash) : '';
  return `${FLASH_COOKIE}=${value}; Path=${path}; Max-Age=${flash ? 300 : 0}; HttpOnly; SameSite=Lax`;
}

function keptValues(body: Record<string, unknown>): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const name of ['fullName', 'email', 'region', 'city', 'comment'] as const) {
    if (typeof body[name] === 'string') values[name] = (body[name] as string).slice(0, 600);
  }
  for (const name of ['isPublic', 'wantsUpdates', 'consent'] as const) values[name] = body[name] === 'on' || body[name] === true;
  return values;
}

/**
 * The sign form's one endpoint. A plain form POST (no JavaScript) gets 303 redirects; the
 * JavaScript form posts JSON here and gets field errors as JSON, localised like the page.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  // The slug reaches the Location and Set-Cookie headers below: only a well-formed one gets that far.
  if (!isSlug(slug)) return Response.json({ ok: false, error: 'not_found' }, { status: 404 });
  const { body, isForm } = await readBody(request);
  const locale = readLocale(body.locale);
  const formPath = signFormPath(locale, slug);
  const parsed = SignPetitionSchema.safeParse({ ...body, locale });

  if (!parsed.success) {
    const errors = fieldErrorKeys(parsed.error);
    if (isForm) return seeOther(formPath, flashCookie(formPath, { values: keptValues(body), errors }));
    return Response.json({ ok: false, fieldErrors: translateFieldErrors(errors, locale) }, { status: 422 });
  }

  let outcome: SignOutcome;
  try {
    outcome = await signPetition(slug, parsed.data, { clientAddress: clientAddressFrom(request.headers) });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // The form keeps what the person typed and asks them to sign again shortly; a signature that was
    // stored after all is not doubled (one per address and petition).
    if (isForm) return seeOther(formPath, flashCookie(formPath, { values: keptValues(body), errors: {}, formError: 'unavailable' }));
    const formError = getTranslator(locale, 'petitions')('form.unavailable');
    return Response.json({ ok: false, formError }, { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
  }
  if (outcome === 'accepted') {
    const next = checkEmailPath(locale, slug);
    return isForm ? seeOther(next, flashCookie(formPath, null)) : Response.json({ ok: true, next });
  }
  const { key, status } = FORM_ERRORS[outcome];
  if (isForm) return seeOther(formPath, flashCookie(formPath, { values: keptValues(body), errors: {}, formError: key }));
  const formError = getTranslator(locale, 'petitions')(`form.${key}`);
  return Response.json({ ok: false, formError }, { status });
}
