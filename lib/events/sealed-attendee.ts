import type { Locale } from '@/lib/generated/prisma/enums';
import type { Keyring } from '@/lib/security/personal-data';

/** An RSVP's person as stored (docs/privacy.md): the blind index of the address, the address and the name sealed. */
export type SealedAttendee = { emailIndex: string; emailSealed: string; nameSealed: string };

/** The address is sealed once, as kind 'email', so the same ciphertext serves the Supporter row and the Rsvp row. */
export function sealAttendee(keys: Keyring, person: { email: string; name: string }): SealedAttendee {
  return {
    emailIndex: keys.emailIndex(person.email),
    emailSealed: keys.seal('email', person.email),
    nameSealed: keys.seal('name', person.name),
  };
}

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
