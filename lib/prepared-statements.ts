import { createHash } from 'node:crypto';

/** Statements a process names at most; the rest run unnamed, parsed and planned at each use. */
export const MAX_PREPARED_STATEMENTS = 200;
/** Uses of one text before it is named: Prisma renders `IN (…)` lists and batch inserts in a text per length, most used once or twice. */
export const USES_BEFORE_PREPARED = 3;
const MAX_COUNTED_TEXTS = 2_000;

export type StatementNamer = (query: { sql: string }) => string | undefined;

/**
 * Names for PostgreSQL's prepared statements (the Prisma adapter's `statementNameGenerator`): the
 * first use of a name on a connection parses and plans the statement there, later uses only bind
 * and execute it. For the sign statement that halved PostgreSQL's CPU per signature
 * (docs/benchmarks.md). A text is named from its third use, and at most 200 per process, because
 * each named statement stays in every connection that ran it until the connection closes.
 */
export function createStatementNamer(): StatementNamer {
  const names = new Map<string, string>();
  const uses = new Map<string, number>();
  return ({ sql }) => {
    const name = names.get(sql);
    if (name || names.size >= MAX_PREPARED_STATEMENTS) return name;
    const count = (uses.get(sql) ?? 0) + 1;
    if (count < USES_BEFORE_PREPARED) {
      if (uses.size >= MAX_COUNTED_TEXTS) uses.clear();
      uses.set(sql, count);
      return undefined;
    }
    uses.delete(sql);
    const named = `dauys_${createHash('sha256').update(sql).digest('base64url').slice(0, 32)}`;
    names.set(sql, named);
    return named;
  };
}
