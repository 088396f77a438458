type Entry<T> = { value?: T; loadedAt: number; pending?: Promise<T> };

/**
 * A per-process cache of small read-mostly values (the public count, a petition's text). Concurrent
 * readers of an expired entry share one load, so a burst of page views costs one query.
 */
export function createTtlCache<T>(ttlMs: number) {
  const entries = new Map<string, Entry<T>>();

  async function get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const entry = entries.get(key);
    if (entry?.value !== undefined && now - entry.loadedAt < ttlMs) return entry.value;
    if (entry?.pending) return entry.pending;
    const pending = load().then(
      (value) => {
        entries.set(key, { value, loadedAt: Date.now() });
        return value;
      },
      (error: unknown) => {
        entries.delete(key);
        throw error;
      },
    );
    entries.set(key, { ...entry, loadedAt: entry?.loadedAt ?? 0, pending });
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
