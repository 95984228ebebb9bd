import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** Endpoint ids are not secret, so favourites may live in localStorage and survive restarts. */
export const FAVOURITES_KEY = 'mailgun-explorer:favourite-endpoints';
const MAX_FAVOURITES = 200;
const EMPTY: readonly string[] = Object.freeze([]);

let cachedRaw: string | null = null;
let cachedIds: readonly string[] = EMPTY;
const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function readIds(): readonly string[] {
  const raw = storage()?.getItem(FAVOURITES_KEY) ?? null;
  if (raw === cachedRaw) return cachedIds;
  cachedRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    cachedIds = Array.isArray(parsed)
      ? parsed.filter((id): id is string => typeof id === 'string' && id.length <= 200).slice(0, MAX_FAVOURITES)
      : EMPTY;
  } catch {
    cachedIds = EMPTY;
  }
  return cachedIds;
}

function writeIds(ids: readonly string[]): void {
  try {
    storage()?.setItem(FAVOURITES_KEY, JSON.stringify(ids.slice(0, MAX_FAVOURITES)));
  } catch {
    // A full or disabled storage only costs the pins after a restart; the list still updates now.
    cachedRaw = null;
    cachedIds = ids;
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === FAVOURITES_KEY) listener();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

export function useFavourites() {
  const ids = useSyncExternalStore(subscribe, readIds);
  const toggle = useCallback((id: string) => {
    const current = readIds();
    writeIds(current.includes(id) ? current.filter((x) => x !== id) : [...current, id]);
  }, []);
  const isFavourite = useMemo(() => {
    const set = new Set(ids);
    return (id: string) => set.has(id);
  }, [ids]);
  return { ids, isFavourite, toggle };
}
