import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { PetitionStatus } from '@/lib/generated/prisma/enums';
import { announceToSigners } from '@/lib/petitions/notify-signers';
import { forgetPublicPetition } from '@/lib/petitions/queries';
import type { TransitionData } from '@/lib/petitions/schemas';

const NEXT: Record<TransitionData['action'], { from: PetitionStatus[]; to: PetitionStatus }> = {
  open: { from: ['DRAFT'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED' },
  reopen: { from: ['CLOSED'], to: 'OPEN' },
  handOver: { from: ['CLOSED'], to: 'HANDED_OVER' },
  respond: { from: ['HANDED_OVER'], to: 'RESPONDED' },
};

/**
 * draft → open → closed → handed over (date, note) → response recorded. The status check is in
 * the UPDATE, so two organizers pressing at once move it once; hand-over and response mail the
 * opted-in signers in the same transaction.
 */
export async function transitionPetition(
  actorId: string,
  petitionId: string,
  data: TransitionData,
  now = new Date(),
): Promise<PetitionStatus> {
  const step = NEXT[data.action];
  const note = data.note.kk || data.note.ru || data.note.en ? data.note : undefined;
  const at = data.date ?? now;
  return db.$transaction(async (tx) => {
    const { count } = await tx.petition.updateMany({
      where: { id: petitionId, status: { in: step.from } },
      data: {
        status: step.to,
        ...(data.action === 'handOver' ? { handedOverAt: at, handoverNote: note } : {}),
        ...(data.action === 'respond' ? { respondedAt: at, response: note } : {}),
        ...(data.action === 'close' ? { closesAt: now } : {}),
        ...(data.action === 'reopen' ? { closesAt: null } : {}),
      },
    });
    if (count !== 1) throw new AppError('CONFLICT', { messageKey: 'transitionInvalid' });
    const petition = await tx.petition.findUniqueOrThrow({ where: { id: petitionId }, select: { slug: true } });
    if (data.action === 'handOver') await announceToSigners({ petitionId, kind: 'handover' }, tx);
    if (data.action === 'respond') await announceToSigners({ petitionId, kind: 'response' }, tx);
    await recordAudit(
      { actorId, action: `petition.${data.action}`, subjectType: 'Petition', subjectId: petitionId, details: { to: step.to } },
      tx,
    );
    forgetPublicPetition(petition.slug);
    return step.to;
  });
}
