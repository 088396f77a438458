import { describe, expect, it } from 'vitest';
import { createStatementNamer, MAX_PREPARED_STATEMENTS, USES_BEFORE_PREPARED } from '@/lib/prepared-statements';

describe('createStatementNamer', () => {
  it('names a text from its third use, and always the same way', () => {
    const name = createStatementNamer();
    const uses = Array.from({ length: USES_BEFORE_PREPARED + 1 }, () => name({ sql: 'SELECT 1' }));
    expect(uses.slice(0, USES_BEFORE_PREPARED - 1)).toEqual([undefined, undefined]);
    expect(uses[USES_BEFORE_PREPARED - 1]).toMatch(/^dauys_[\w-]{32}$/);
    expect(uses.at(-1)).toBe(uses[USES_BEFORE_PREPARED - 1]);
    // Each client counts for itself: a new one starts again.
    expect(createStatementNamer()({ sql: 'SELECT 1' })).toBeUndefined();
  });

  it('gives different texts different names, and stops naming new texts at the limit', () => {
    const name = createStatementNamer();
    const nameOf = (sql: string) => {
      for (let use = 1; use < USES_BEFORE_PREPARED; use += 1) name({ sql });
      return name({ sql });
    };
    const names = Array.from({ length: MAX_PREPARED_STATEMENTS }, (_, index) => nameOf(`SELECT ${index}`));
    expect(new Set(names).size).toBe(MAX_PREPARED_STATEMENTS);
    expect(nameOf('SELECT past the limit')).toBeUndefined();
    expect(nameOf('SELECT 0')).toBe(names[0]);
  });
});
