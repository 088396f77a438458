import type { ImportField } from '@/lib/imports/schemas';

/** Header names people's exports use for each field, in kk, ru and en (compared in lower case, without punctuation). */
const HEADER_NAMES: Record<ImportField, string[]> = {
  email: [
    'email',
    'e-mail',
    'e mail',
    'email address',
    'mail',
    'электронная почта',
    'эл. почта',
    'почта',
    'адрес электронной почты',
    'электрондық пошта',
    'пошта',
  ],
  name: [
    'name',
    'full name',
    'fullname',
    'first name',
    'имя',
    'фио',
    'ф.и.о.',
    'имя и фамилия',
    'аты-жөні',
    'аты жөні',
    'аты',
    'signer name',
  ],
  region: ['region', 'state', 'oblast', 'регион', 'область', 'облыс', 'аймақ', 'өңір'],
  city: ['city', 'town', 'город', 'населенный пункт', 'населённый пункт', 'қала', 'елді мекен'],
  language: ['language', 'lang', 'locale', 'язык', 'тіл'],
  tags: ['tags', 'tag', 'labels', 'теги', 'тег', 'метки', 'тегтер'],
  consentDate: [
    'consent date',
    'consent',
    'signed on',
    'date',
    'timestamp',
    'дата согласия',
    'согласие',
    'дата',
    'отметка времени',
    'келісім күні',
    'келісім',
    'күні',
    'уақыт белгісі',
  ],
};

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[_:*]+/g, ' ')
    .replace(/\s+/g, ' ');

/** A first guess at the mapping from the file's headers; each header serves one field at most. */
export function guessColumns(headers: readonly string[]): Record<ImportField, string> {
  const taken = new Set<string>();
  const guess = {} as Record<ImportField, string>;
  for (const [field, names] of Object.entries(HEADER_NAMES) as Array<[ImportField, string[]]>) {
    const header = headers.find((candidate) => !taken.has(candidate) && names.includes(normalise(candidate)));
    guess[field] = header ?? '';
    if (header) taken.add(header);
  }
  return guess;
}
