// A tiny key-value store on the device: IndexedDB, or localStorage where
// IndexedDB cannot be opened (some private-browsing modes). Writes are
// chained so they land in the order the answers were given.
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(prefix: string): Promise<string[]>;
}

const DB_NAME = 'hearme-survey';
const STORE = 'kv';
const LS_PREFIX = 'hearme-survey:';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openIdb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
}

function idbStore(db: IDBDatabase): KeyValueStore {
  const run = <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      // Resolve on commit, not on success: only then is the answer really on the device.
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  return {
    get: (key) => run('readonly', (s) => s.get(key)),
    set: async (key, value) => void (await run('readwrite', (s) => s.put(value, key))),
    delete: async (key) => {
      await run('readwrite', (s) => s.delete(key));
      // A copy left in the fallback by a visit when IndexedDB would not open goes too: deleted means from the device.
      try {
        localStorage.removeItem(LS_PREFIX + key);
      } catch {
        // No localStorage either: nothing can be there.
      }
    },
    keys: async (prefix) =>
      (await request(db.transaction(STORE).objectStore(STORE).getAllKeys()))
        .map(String)
        .filter((k) => k.startsWith(prefix)),
  };
}

function localStore(): KeyValueStore {
  return {
    get: async (key) => {
      const raw = localStorage.getItem(LS_PREFIX + key);
      return raw === null ? undefined : JSON.parse(raw);
    },
    set: async (key, value) => localStorage.setItem(LS_PREFIX + key, JSON.stringify(value)),
    delete: async (key) => localStorage.removeItem(LS_PREFIX + key),
    keys: async (prefix) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(LS_PREFIX + prefix))
        .map((k) => k.slice(LS_PREFIX.length)),
  };
}

/** Serialises every operation behind the previous one, so a later write never overtakes an earlier one. */
function ordered(inner: KeyValueStore): KeyValueStore {
  let tail: Promise<unknown> = Promise.resolve();
  const queue = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    get: (k) => queue(() => inner.get(k)),
    set: (k, v) => queue(() => inner.set(k, v)),
    delete: (k) => queue(() => inner.delete(k)),
    keys: (p) => queue(() => inner.keys(p)),
  };
}

export async function openStore(): Promise<KeyValueStore> {
  try {
    return ordered(idbStore(await openIdb()));
  } catch {
    return ordered(localStore());
  }
}
