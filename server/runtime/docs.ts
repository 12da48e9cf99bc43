import type { Database, Transaction } from './database';

/**
 * Reads one document by id inside a transaction (or from the database); null when it does not
 * exist. wx-server-sdk rejects a missing document with "document with _id … does not exist";
 * every other failure (a conflict, a broken store) is rethrown, never mistaken for "missing".
 */
export async function getDoc<T>(t: Transaction | Database, collection: string, id: string): Promise<T | null> {
  try {
    const res = await t.collection(collection).doc(id).get();
    const data = Array.isArray(res.data) ? res.data[0] : res.data;
    return (data as T | undefined) ?? null;
  } catch (e) {
    const message =
      typeof e === 'string' ? e : e instanceof Error ? e.message : String((e as { errMsg?: string })?.errMsg ?? e);
    if (/does not exist/.test(message)) return null;
    throw e;
  }
}
