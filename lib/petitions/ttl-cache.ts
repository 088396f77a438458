type Entry<T> = { value?: T; loadedAt: number; pending?: Promise<T> };

export type TtlCacheOptions = {
  /**
   * At most this many keys; past it the least recently used one is forgotten. The keys come from
   * URLs, so without a bound every made-up slug would stay in the process's memory for good.
   */
  maxEntries: number;
};

/**
 * A per-process cache of small read-mostly values (the public count, a petition's text). Concurrent
 * readers of an expired entry share one load, so a burst of page views costs one query.
 */
export function createTtlCache<T>(ttlMs: number, { maxEntries }: TtlCacheOptions) {
  // A Map iterates in insertion order: re-inserting a key on use keeps the least recently used first.
  const entries = new Map<string, Entry<T>>();

  function remember(key: string, entry: Entry<T>): void {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  async function get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const entry = entries.get(key);
    if (entry?.value !== undefined && now - entry.loadedAt < ttlMs) {
      remember(key, entry);
      return entry.value;
    }
    if (entry?.pending) return entry.pending;
    const pending = load().then(
      (value) => {
        remember(key, { value, loadedAt: Date.now() });
        return value;
      },
      (error: unknown) => {
        entries.delete(key);
        throw error;
      },
    );
    remember(key, { ...entry, loadedAt: entry?.loadedAt ?? 0, pending });
    return pending;
  }

  return {
    get,
    invalidate(key?: string) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
