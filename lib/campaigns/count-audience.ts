import { audienceConditionSql } from '@/lib/campaigns/audience/build-audience-sql';
import { AudienceSchema, type AudienceInput } from '@/lib/campaigns/schemas';
import { db } from '@/lib/db';

/** How many people a campaign with this audience would reach right now. */
export async function countAudience(input: AudienceInput): Promise<number> {
  const audience = AudienceSchema.parse(input);
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM "Supporter" s WHERE ${audienceConditionSql(audience)}`;
  return rows[0]?.count ?? 0;
}
