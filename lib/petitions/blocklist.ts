import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { BlockData } from '@/lib/petitions/schemas';

export async function addBlock(actorId: string, data: BlockData): Promise<void> {
  const kind = data.value.includes('@') ? 'ADDRESS' : 'DOMAIN';
  await db.petitionBlock.upsert({
    where: { value: data.value },
    create: { kind, value: data.value, note: data.note, createdById: actorId },
    update: { note: data.note },
  });
  await recordAudit({ actorId, action: 'petition.block.add', subjectType: 'PetitionBlock', details: { kind } });
}

export async function removeBlock(actorId: string, id: string): Promise<void> {
  await db.petitionBlock.deleteMany({ where: { id } });
  await recordAudit({ actorId, action: 'petition.block.remove', subjectType: 'PetitionBlock', subjectId: id });
}

export function findBlocks() {
  return db.petitionBlock.findMany({
    orderBy: { createdAt: 'desc' },
    select: { id: true, kind: true, value: true, note: true, createdAt: true },
  });
}
