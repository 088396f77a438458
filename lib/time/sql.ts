import { Prisma } from '@/lib/generated/prisma/client';
import { SINGLE_ZONE_SINCE } from '@/lib/time/kazakhstan';

const SINGLE_ZONE_SINCE_LITERAL = Prisma.raw(`TIMESTAMP '${new Date(SINGLE_ZONE_SINCE).toISOString().slice(0, 19).replace('T', ' ')}'`);

/**
 * The Kazakhstan date (text YYYY-MM-DD) of a timestamp column that holds UTC, by the offsets of
 * kazakhstanDateKey, so SQL and TypeScript agree and neither the session's zone nor PostgreSQL's tz
 * database matters. `column` is trusted SQL such as Prisma.sql`r."createdAt"`.
 */
export function kazakhstanDateKeySql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column} + CASE WHEN ${column} < ${SINGLE_ZONE_SINCE_LITERAL} THEN interval '6 hours' ELSE interval '5 hours' END, 'YYYY-MM-DD')`;
}
