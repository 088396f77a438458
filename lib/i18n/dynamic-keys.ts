/**
 * Whether `t` has a message at a key known only at run time (a zod message, an AppError's
 * messageKey, a reason stored in the database). Keys written in code are checked by the compiler
 * (types/next-intl.d.ts); this guard is the one place a plain string becomes a key, after `t.has`.
 */
export function hasMessage<Key extends string>(t: { has(key: Key): boolean }, key: string): key is Key {
  return t.has(key as Key);
}
