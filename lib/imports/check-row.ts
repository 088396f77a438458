import type { Locale, Region } from '@/lib/generated/prisma/enums';
import type { ImportField, ImportSettings } from '@/lib/imports/schemas';
import { isDateKey, parseKazakhstanDateTime, startOfKazakhstanDay } from '@/lib/time/kazakhstan';
import { EmailSchema, isOneLine, LOCALES, REGIONS } from '@/lib/validation';
import enCommon from '@/messages/en/common.json';
import kkCommon from '@/messages/kk/common.json';
import ruCommon from '@/messages/ru/common.json';

/** Why a row cannot be imported; each is a message key in `campaigns.imports.problems`. */
export const ROW_PROBLEMS = [
  'emailMissing',
  'emailInvalid',
  'nameMissing',
  'nameTooLong',
  'regionMissing',
  'regionUnknown',
  'cityTooLong',
  'languageUnknown',
  'tagTooLong',
  'consentDateInvalid',
  'duplicateInFile',
] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

/** A row as it will be stored (not yet sealed). */
export type ImportedPerson = {
  email: string | null;
  name: string | null;
  region: Region | null;
  city: string | null;
  locale: Locale;
  tags: string[];
  consentGivenAt: Date | null;
};

export type CheckedRow = { person: ImportedPerson; problems: RowProblem[] };

/** Words a place's name may carry or drop ("г. Алматы", "Astana city", "Абайская область"). */
const CITY_WORDS = ['город', 'г', 'қаласы', 'қ', 'city', 'of', 'the'];
const REGION_WORDS = ['область', 'обл', 'облысы', 'region', 'oblysy'];

const comparable = (text: string, dropped: readonly string[]) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[\s.,()"«»'_-]+/u)
    .filter((word) => word && !dropped.includes(word))
    .join(' ');

const REGION_NAMES = REGIONS.map((region) => ({
  region,
  names: [region.replaceAll('_', ' '), ...[kkCommon, ruCommon, enCommon].map((messages) => messages.regions[region])],
}));

/**
 * Each region by its enum name and its names in kk, ru and en; then, where it is not ambiguous
 * ("Almaty" is the city, "Almaty Region" the region), without "область"/"облысы"/"region".
 */
const REGION_BY_NAME = new Map<string, Region>(
  REGION_NAMES.flatMap(({ region, names }) => names.map((name) => [comparable(name, CITY_WORDS), region] as [string, Region])),
);
for (const { region, names } of REGION_NAMES) {
  for (const name of names) {
    const short = comparable(name, [...CITY_WORDS, ...REGION_WORDS]);
    if (!REGION_BY_NAME.has(short)) REGION_BY_NAME.set(short, region);
  }
}

export function regionFromText(text: string): Region | null {
  const key = comparable(text, CITY_WORDS);
  return REGION_BY_NAME.get(key) ?? REGION_BY_NAME.get(comparable(key, REGION_WORDS)) ?? null;
}

const LANGUAGE_NAMES: Record<Locale, string[]> = {
  kk: ['kk', 'kz', 'kaz', 'kazakh', 'қазақ', 'қазақша', 'қазақ тілі', 'казахский', 'каз'],
  ru: ['ru', 'rus', 'russian', 'русский', 'орыс', 'орысша', 'орыс тілі', 'рус'],
  en: ['en', 'eng', 'english', 'английский', 'ағылшын', 'ағылшынша', 'англ'],
};

function localeFromText(text: string): Locale | null {
  const value = text.trim().toLowerCase();
  return LOCALES.find((locale) => LANGUAGE_NAMES[locale].includes(value)) ?? null;
}

const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?/;

/**
 * A consent date as exports write it, read as Kazakhstan time: 2025-03-01, 2025-03-01 14:05:00,
 * 01.03.2025 14:05:00 (Google Forms in ru/kk), 3/1/2025 14:05:00 (in en). Null if it is none of them.
 */
export function parseConsentDate(text: string): Date | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) {
    if (!iso[2]) return isDateKey(iso[1]!) ? startOfKazakhstanDay(iso[1]!) : null;
    return parseKazakhstanDateTime(`${iso[1]}T${iso[2]}`);
  }
  const parts = (value.includes('.') ? DAY_FIRST : MONTH_FIRST).exec(value) ?? DAY_FIRST.exec(value);
  if (!parts) return null;
  const [day, month] = value.includes('.') ? [parts[1], parts[2]] : [parts[2], parts[1]];
  const key = `${parts[3]}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (!isDateKey(key)) return null;
  if (!parts[4]) return startOfKazakhstanDay(key);
  return parseKazakhstanDateTime(`${key}T${parts[4].padStart(2, '0')}:${parts[5]}${parts[6] ? `:${parts[6]}` : ''}`);
}

/** Where each mapped field is in a row: the index of its header, or -1. */
export type ColumnIndexes = Record<ImportField, number>;

export function columnIndexes(headers: readonly string[], columns: ImportSettings['columns']): ColumnIndexes {
  return Object.fromEntries(
    Object.entries(columns).map(([field, header]) => [field, header ? headers.indexOf(header) : -1]),
  ) as ColumnIndexes;
}

/**
 * One row read against the mapping: the person it describes and what is wrong with it (a duplicate
 * is found by the caller, who knows the rows before it). `now` bounds consent dates.
 */
export function checkRow(cells: readonly string[], indexes: ColumnIndexes, settings: ImportSettings, now: Date): CheckedRow {
  const cell = (field: ImportField) => (indexes[field] >= 0 ? (cells[indexes[field]] ?? '').trim() : '');
  const problems: RowProblem[] = [];
  const isSignature = settings.target === 'SIGNATURES';

  const rawEmail = cell('email');
  let email: string | null = null;
  if (rawEmail) {
    const parsed = EmailSchema.safeParse(rawEmail);
    if (parsed.success) email = parsed.data;
    else problems.push('emailInvalid');
  } else if (!isSignature) problems.push('emailMissing');

  const name = cell('name').replace(/\s+/g, ' ') || null;
  if (name && (name.length > 100 || !isOneLine(name))) problems.push('nameTooLong');
  if (isSignature && !name) problems.push('nameMissing');

  const rawRegion = cell('region');
  const region = rawRegion ? regionFromText(rawRegion) : null;
  if (rawRegion && !region) problems.push('regionUnknown');
  if (isSignature && !rawRegion) problems.push('regionMissing');

  const city = cell('city') || null;
  if (city && city.length > 100) problems.push('cityTooLong');

  const rawLanguage = cell('language');
  const locale = rawLanguage ? localeFromText(rawLanguage) : 'ru';
  if (!locale) problems.push('languageUnknown');

  const tags = [
    ...new Set(
      cell('tags')
        .split(/[,;|]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.some((tag) => tag.length > 60)) problems.push('tagTooLong');

  let consentGivenAt: Date | null = null;
  if (!isSignature && settings.consentBasis === 'ONE_DATE') consentGivenAt = startOfKazakhstanDay(settings.consentDate);
  if (!isSignature && settings.consentBasis === 'COLUMN') {
    consentGivenAt = parseConsentDate(cell('consentDate'));
    if (!consentGivenAt || consentGivenAt > now) problems.push('consentDateInvalid');
  }

  return { person: { email, name, region, city, locale: locale ?? 'ru', tags, consentGivenAt }, problems };
}
