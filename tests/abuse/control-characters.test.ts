import { opened } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { POST } from '@/app/api/petitions/[slug]/signatures/route';
import { requestSignInLink } from '@/lib/auth/request-sign-in-link';
import { ConfirmSignInSchema, SignInSchema } from '@/lib/auth/schemas';
import { db } from '@/lib/db';
import { RsvpSchema, SubmitEventSchema } from '@/lib/events/schemas';
import { getTranslator } from '@/lib/i18n/translator';
import { decodeFlash } from '@/lib/petitions/sign-form-flash';
import { SignPetitionSchema } from '@/lib/petitions/schemas';
import { stopWorkers } from '@/lib/queue';
import { SubscribeSchema } from '@/lib/reforms/schemas';
import { fieldErrorKeys, LOCALES } from '@/lib/validation';
import { createOpenPetition, formSignRequest, jsonSignRequest, routeContext } from './helpers';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

/** What no stored text may hold: C0 controls but tab and newline, DEL, C1 controls, bidi overrides and isolates. */
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/** A one-line field holds no tab or newline either (nor U+2028/U+2029). */
const FORBIDDEN_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

const HOSTILE = [
  '\u0000',
  '\r\n',
  '\n',
  '\r',
  '\t',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
  '\uD800',
];

type Field = { name: string; kind: 'line' | 'email' | 'url' | 'text' };

/** Every public form's schema, a valid input, and the string fields a person types. */
const PUBLIC_FORMS: Array<{ form: string; schema: z.ZodType; valid: Record<string, unknown>; fields: Field[] }> = [
  {
    form: 'sign a petition',
    schema: SignPetitionSchema,
    valid: {
      fullName: 'Aigerim Karimova',
      email: 'aigerim@example.org',
      region: 'ALMATY',
      city: 'Almaty',
      comment: 'Enough.',
      consent: 'on',
      locale: 'en',
    },
    fields: [
      { name: 'fullName', kind: 'line' },
      { name: 'email', kind: 'email' },
      { name: 'city', kind: 'line' },
      { name: 'comment', kind: 'text' },
    ],
  },
  {
    form: 'RSVP',
    schema: RsvpSchema,
    valid: { name: 'Dana Sultanova', email: 'dana@example.org', guests: '1', consent: 'on', locale: 'ru' },
    fields: [
      { name: 'name', kind: 'line' },
      { name: 'email', kind: 'email' },
    ],
  },
  {
    form: 'submit an event',
    schema: SubmitEventSchema,
    valid: {
      title: 'Orange the world',
      description: 'A walk along the embankment.',
      accessibilityNotes: 'Step-free route.',
      submitterName: 'Aliya Nurlanovna',
      submitterEmail: 'aliya@example.org',
      consent: 'on',
      locale: 'kk',
      type: 'MARCH',
      startsAt: '2030-11-25T18:00',
      endsAt: '2030-11-25T20:00',
      region: 'ALMATY',
      city: { kk: 'Алматы', en: 'Almaty' },
      venue: { kk: 'Орталық саябақ' },
      address: { ru: 'ул. Гоголя, 1' },
      mapUrl: 'https://maps.example.org/x',
      languages: ['kk', 'ru'],
      organiserName: { en: 'Women of Almaty' },
    },
    fields: [
      { name: 'title', kind: 'line' },
      { name: 'description', kind: 'text' },
      { name: 'accessibilityNotes', kind: 'text' },
      { name: 'submitterName', kind: 'line' },
      { name: 'submitterEmail', kind: 'email' },
      { name: 'city.kk', kind: 'line' },
      { name: 'city.en', kind: 'line' },
      { name: 'venue.kk', kind: 'line' },
      { name: 'address.ru', kind: 'line' },
      { name: 'mapUrl', kind: 'url' },
      { name: 'organiserName.en', kind: 'line' },
    ],
  },
  {
    form: 'reform alerts',
    schema: SubscribeSchema,
    valid: { email: 'reader@example.org', locale: 'en', scope: 'all', frequency: 'EACH', consent: 'on' },
    fields: [{ name: 'email', kind: 'email' }],
  },
  { form: 'sign in', schema: SignInSchema, valid: { email: 'admin@example.org' }, fields: [{ name: 'email', kind: 'email' }] },
  {
    form: 'confirm sign-in',
    schema: ConfirmSignInSchema,
    valid: { token: 'a'.repeat(64), email: 'admin@example.org' },
    fields: [{ name: 'email', kind: 'email' }],
  },
];

/** A field's value by its name; a nested one (`city.kk`, a form of a text per language) is named by its path. */
function valueAt(input: unknown, name: string): unknown {
  return name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], input);
}

function withValue(input: Record<string, unknown>, name: string, value: string): Record<string, unknown> {
  const [head, ...rest] = name.split('.');
  if (rest.length === 0) return { ...input, [head!]: value };
  return { ...input, [head!]: withValue((input[head!] ?? {}) as Record<string, unknown>, rest.join('.'), value) };
}

function insertInto(kind: Field['kind'], value: string, hostile: string): string {
  if (kind === 'email') return `ai${hostile}gerim@example.org`;
  if (kind === 'url') return `https://maps.example.org/a${hostile}b`;
  return `${value.slice(0, 3)}${hostile}${value.slice(3)}`;
}

describe('control and bidi characters in public fields', () => {
  it('the new error message exists in every language', () => {
    for (const locale of LOCALES) {
      const t = getTranslator(locale, 'errors');
      expect(t.has('invalidCharacters'), locale).toBe(true);
      expect(t('invalidCharacters')).not.toBe('invalidCharacters');
    }
  });

  it('every field of every public form refuses them with a message, or stores text without them', () => {
    const problems: string[] = [];
    for (const { form, schema, valid, fields } of PUBLIC_FORMS) {
      expect(schema.safeParse(valid).success, `${form}: the valid input`).toBe(true);
      for (const field of fields) {
        for (const hostile of HOSTILE) {
          const label = `${form}.${field.name} with ${JSON.stringify(hostile)}`;
          const value = insertInto(field.kind, String(valueAt(valid, field.name)), hostile);
          const result = schema.safeParse(withValue(valid, field.name, value));
          const keepsText =
            field.kind === 'text' ||
            (field.kind === 'line' && (hostile === '\t' || hostile === '\n' || hostile === '\r\n' || hostile === '\r'));
          if (result.success) {
            const stored = valueAt(result.data, field.name);
            if (typeof stored !== 'string') problems.push(`${label}: stored ${JSON.stringify(stored)}`);
            else if ((field.kind === 'text' ? FORBIDDEN_IN_TEXT : FORBIDDEN_IN_LINE).test(stored) || /\uD800/.test(stored))
              problems.push(`${label}: stored ${JSON.stringify(stored)}`);
            else if (field.kind === 'text' && hostile.includes('\n') && !stored.includes('\n')) problems.push(`${label}: lost its newline`);
            else if (!keepsText && field.kind !== 'text') problems.push(`${label}: accepted`);
          } else {
            const key = fieldErrorKeys(result.error)[field.name];
            const expected =
              field.kind === 'email'
                ? ['emailInvalid', 'invalidCharacters']
                : field.kind === 'url'
                  ? ['urlInvalid', 'invalidCharacters']
                  : ['invalidCharacters'];
            if (!key || !expected.includes(key)) problems.push(`${label}: refused with ${JSON.stringify(fieldErrorKeys(result.error))}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('free text keeps its lines and tabs and drops the rest', () => {
    const parsed = SignPetitionSchema.parse({
      fullName: 'Aigerim Karimova',
      email: 'aigerim@example.org',
      region: 'ALMATY',
      consent: 'on',
      locale: 'en',
      comment: 'First line\r\nsecond\u0000 line\tindented\u202E\u2066 end\rlast\u0007',
    });
    expect(parsed.comment).toBe('First line\nsecond line\tindented end\nlast');
  });

  it('signing by JSON answers 422 with a localised message and stores nothing', async () => {
    const petition = await createOpenPetition();
    for (const fullName of ['Aigerim\u0000 Karimova', 'Aigerim\r\nKarimova', 'Aigerim \u202EavomiraK']) {
      const request = jsonSignRequest(petition.slug, {
        fullName,
        email: 'json@example.org',
        region: 'ALMATY',
        consent: true,
        locale: 'ru',
      });
      const response = await POST(request, routeContext(petition.slug));
      expect(response.status, JSON.stringify(fullName)).toBe(422);
      const body = (await response.json()) as { fieldErrors: Record<string, string> };
      expect(body.fieldErrors.fullName).toBe(getTranslator('ru', 'errors')('invalidCharacters'));
    }
    expect(await db.signature.count({ where: { petitionId: petition.id } })).toBe(0);
  });

  it('signing by form sends the form back with the error, and a NUL in the comment is dropped', async () => {
    const petition = await createOpenPetition();
    const fields = { fullName: 'Dana\u0000Sultanova', email: 'form@example.org', region: 'ASTANA', consent: 'on', locale: 'kk' };
    const refused = await POST(formSignRequest(petition.slug, fields), routeContext(petition.slug));
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe(`/kk/petitions/${petition.slug}/sign`);
    const flash = decodeFlash(/petition-sign-form=([^;]*)/.exec(refused.headers.get('set-cookie') ?? '')?.[1]);
    expect(flash?.errors).toEqual({ fullName: 'invalidCharacters' });

    const accepted = await POST(
      formSignRequest(petition.slug, {
        ...fields,
        fullName: 'Dana Sultanova',
        city: 'Astana',
        comment: 'Line one\u0000\r\nline two\u202E',
      }),
      routeContext(petition.slug),
    );
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/kk/petitions/${petition.slug}/check-email`);
    const [row] = await opened([await db.signature.findFirstOrThrow({ where: { petitionId: petition.id } })]);
    expect(row).toMatchObject({ fullName: 'Dana Sultanova', comment: 'Line one\nline two' });
  });

  it('a NUL in a city or an email never reaches PostgreSQL', async () => {
    const petition = await createOpenPetition();
    for (const extra of [{ city: 'Alm\u0000aty' }, { email: 'nul\u0000@example.org' }, { email: '\u0000' }]) {
      const request = jsonSignRequest(petition.slug, {
        fullName: 'Aigerim Karimova',
        email: 'city@example.org',
        region: 'ALMATY',
        consent: true,
        locale: 'en',
        ...extra,
      });
      const response = await POST(request, routeContext(petition.slug));
      expect(response.status, JSON.stringify(extra)).toBe(422);
    }
  });

  it('a sign-in request with a NUL in the address ends like any unknown address, not in an error', async () => {
    await expect(requestSignInLink({ email: 'admin\u0000@example.org', locale: 'en' })).resolves.toBeUndefined();
    await expect(requestSignInLink({ email: 'adm\u202Ein@example.org', locale: 'en' })).resolves.toBeUndefined();
    expect(await db.verificationToken.count()).toBe(0);
  });
});
