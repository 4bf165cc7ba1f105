/**
 * The copy of open documents kept on this device (IndexedDB via y-indexeddb), so edits made offline survive a
 * reload and reach the server at the next sync. Each copy is keyed by user AND document, so two accounts on one
 * device never share one; logging out removes the user's copies.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

const PREFIX = 'relab-collab';

export function localCopyName(userId: string, docName: string): string {
  return `${PREFIX}:${userId}:${docName}`;
}

export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}

export function openLocalCopy(userId: string, docName: string, doc: Y.Doc): IndexeddbPersistence | null {
  if (!hasIndexedDb()) return null;
  return new IndexeddbPersistence(localCopyName(userId, docName), doc);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // A tab still holding it open: the deletion completes when it closes it; do not wait for that.
    request.onblocked = () => resolve();
  });
}

/** Deletes every local copy of this user's documents (at logout). */
export async function clearLocalCopies(userId: string): Promise<void> {
  if (!hasIndexedDb() || typeof indexedDB.databases !== 'function') return;
  const prefix = `${PREFIX}:${userId}:`;
  const databases = await indexedDB.databases();
  await Promise.all(databases.filter((d) => d.name?.startsWith(prefix)).map((d) => deleteDatabase(d.name!)));
}
