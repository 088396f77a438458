import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { forgetCachedHotlines } from '@/lib/help/queries';
import type { UpdateHotlinesInput } from '@/lib/help/schemas';

type Actor = { id: string };

/** Replaces the hotline list with the organizer's version, in its order, and records who did it. */
export async function updateHotlines(input: UpdateHotlinesInput, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.hotline.findMany({ orderBy: { position: 'asc' }, select: { number: true } });
    await tx.hotline.deleteMany({});
    await tx.hotline.createMany({
      data: input.hotlines.map((hotline, position) => ({
        number: hotline.number,
        name: hotline.name,
        description: hotline.description,
        position,
      })),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: 'help.hotlines.update',
        subjectType: 'Hotline',
        details: { before: before.map((h) => h.number), after: input.hotlines.map((h) => h.number) },
      },
      tx,
    );
  });
  forgetCachedHotlines();
}
