import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { slugSaveError } from '@/lib/database-errors';
import { ReformSchema, type ReformInput } from '@/lib/reforms/schemas';

/** Slugs that are pages under /reforms, not reforms. */
export const RESERVED_SLUGS = ['alerts', 'new'];

/** Creates (id null) or edits a reform; audit-logged with the change. */
export async function saveReform(id: string | null, input: ReformInput, actorId: string): Promise<{ id: string; slug: string }> {
  const data = ReformSchema.parse(input);
  if (RESERVED_SLUGS.includes(data.slug)) throw new AppError('CONFLICT', { field: 'slug', messageKey: 'slugTaken' });
  if (data.petitionId && !(await db.petition.findUnique({ where: { id: data.petitionId }, select: { id: true } }))) {
    throw new AppError('INVALID', { field: 'petitionId', messageKey: 'petitionNotFound' });
  }
  try {
    return await db.$transaction(async (tx) => {
      const saved = id
        ? await tx.reform.update({ where: { id }, data, select: { id: true, slug: true } })
        : await tx.reform.create({ data, select: { id: true, slug: true } });
      await recordAudit(
        {
          actorId,
          action: id ? 'reform.edit' : 'reform.create',
          subjectType: 'Reform',
          subjectId: saved.id,
          details: { slug: saved.slug },
        },
        tx,
      );
      return saved;
    });
  } catch (error) {
    throw slugSaveError(error);
  }
}
