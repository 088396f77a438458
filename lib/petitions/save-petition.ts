import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { slugSaveError } from '@/lib/database-errors';
import { forgetPublicPetition } from '@/lib/petitions/queries';
import type { PetitionFormData } from '@/lib/petitions/schemas';

/** Creates (id undefined) or updates a petition's text and settings; the status moves only by transitions. */
export async function savePetition(actorId: string, data: PetitionFormData, id?: string): Promise<{ id: string; slug: string }> {
  const fields = {
    slug: data.slug,
    title: data.title,
    summary: data.summary,
    body: data.body,
    addressee: data.addressee,
    goal: data.goal,
    milestones: data.milestones,
    opensAt: data.opensAt,
    closesAt: data.closesAt,
  };
  try {
    const before = id ? await db.petition.findUnique({ where: { id }, select: { slug: true } }) : null;
    if (id && !before) throw new AppError('NOT_FOUND');
    const saved = await db.$transaction(async (tx) => {
      const row = id
        ? await tx.petition.update({ where: { id }, data: fields, select: { id: true, slug: true } })
        : await tx.petition.create({ data: fields, select: { id: true, slug: true } });
      await recordAudit({ actorId, action: id ? 'petition.update' : 'petition.create', subjectType: 'Petition', subjectId: row.id }, tx);
      return row;
    });
    forgetPublicPetition(saved.slug);
    if (before) forgetPublicPetition(before.slug);
    return saved;
  } catch (error) {
    throw slugSaveError(error);
  }
}
