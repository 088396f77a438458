import { db } from '@/lib/db';
import { outboxTo } from '@/tests/support/personal-data';
import type { PetitionStatus } from '@/lib/generated/prisma/enums';
import type { SignPetitionData } from '@/lib/petitions/schemas';

let sequence = 0;

export async function createPetition(options: { status?: PetitionStatus; closesAt?: Date; milestones?: number[] } = {}) {
  sequence += 1;
  const text = (value: string) => ({ kk: `${value} kk`, ru: `${value} ru`, en: value });
  return db.petition.create({
    data: {
      slug: `test-petition-${sequence}-${Date.now()}`,
      title: text('Test petition'),
      summary: text('Summary'),
      body: text('Body'),
      addressee: text('Parliament'),
      goal: 1000,
      milestones: options.milestones ?? [10, 100],
      status: options.status ?? 'OPEN',
      closesAt: options.closesAt,
    },
  });
}

export function signer(email: string, extra: Partial<SignPetitionData> = {}): SignPetitionData {
  return {
    fullName: 'Aigerim Karimova',
    email,
    region: 'ALMATY',
    city: undefined,
    comment: undefined,
    isPublic: false,
    consent: true,
    wantsUpdates: false,
    locale: 'en',
    website: undefined,
    ...extra,
  };
}

/** The token of the newest mail to `email` (read from the outbox payload, as the recipient would). */
export async function latestToken(email: string): Promise<{ token: string; template: string }> {
  const [mail] = await outboxTo(email);
  if (!mail) throw new Error(`no mail to ${email}`);
  const props = (mail.payload as { props: { withdrawUrl: string } }).props;
  const token = new URL(props.withdrawUrl).searchParams.get('token');
  if (!token) throw new Error('no token in mail');
  return { token, template: mail.template };
}

export async function trueCount(petitionId: string): Promise<number> {
  return db.signature.count({ where: { petitionId, status: 'CONFIRMED' } });
}
