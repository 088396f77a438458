import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';
import { existingTables, supporterFilterSql } from '@/lib/supporters/filter-sql';
import { BulkTagSchema, TagSupporterSchema, UntagSupporterSchema, type SupporterFilter } from '@/lib/supporters/schemas';

async function tagIdFor(name: string): Promise<string> {
  const tag = await db.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
  return tag.id;
}

export async function tagSupporter(input: { supporterId: string; name: string }): Promise<void> {
  const { supporterId, name } = TagSupporterSchema.parse(input);
  const tagId = await tagIdFor(name);
  await db.supporterTag.createMany({ data: [{ supporterId, tagId }], skipDuplicates: true });
}

export async function untagSupporter(input: { supporterId: string; tagId: string }): Promise<void> {
  const { supporterId, tagId } = UntagSupporterSchema.parse(input);
  await db.supporterTag.deleteMany({ where: { supporterId, tagId } });
}

/** Tags everyone the filter matches, in one statement; returns how many were newly tagged. */
export async function tagSupportersByFilter(input: SupporterFilter & { name: string }, actor: { id: string }): Promise<number> {
  const { name, ...filter } = BulkTagSchema.parse(input);
  const tagId = await tagIdFor(name);
  const where = supporterFilterSql(filter, await existingTables(), await keyring());
  const added = await db.$executeRaw`
    INSERT INTO "SupporterTag" ("supporterId", "tagId")
    SELECT s.id, ${tagId} FROM "Supporter" s WHERE ${where}
    ON CONFLICT DO NOTHING`;
  await recordAudit({
    actorId: actor.id,
    action: 'supporter.tag-bulk',
    subjectType: 'Tag',
    subjectId: tagId,
    details: { name, added, filter },
  });
  return added;
}
