import type { Locale } from '@/lib/generated/prisma/enums';
import type { Keyring } from '@/lib/security/personal-data';

/** What an RSVP mail is written from, as the mail jobs read it from the Rsvp table. */
export type SealedRsvpMailRow = {
  id: string;
  emailSealed: string;
  nameSealed: string;
  supporterId: string;
  guests: number;
  locale: Locale;
};

export type OpenedAttendee<Row> = Omit<Row, 'emailSealed' | 'nameSealed'> & { email: string; name: string };

/** A row read with its sealed address and name, with them opened as `email` and `name`. */
export function openAttendee<Row extends { emailSealed: string; nameSealed: string }>(keys: Keyring, row: Row): OpenedAttendee<Row> {
  const { emailSealed, nameSealed, ...rest } = row;
  return { ...rest, email: keys.open('email', emailSealed), name: keys.open('name', nameSealed) };
}
