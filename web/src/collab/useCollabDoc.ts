import { useEffect, useState } from 'react';
import type { CollabStatus, CollabUser, DocAccess } from '@relab/shared';
import * as Y from 'yjs';
import { useSession } from '../features/auth/useSession.js';
import { CollabProvider, type CollabProviderError } from './CollabProvider.js';

export interface CollabDocState {
  /** null until the provider exists (the first render after mounting). */
  doc: Y.Doc | null;
  provider: CollabProvider | null;
  status: CollabStatus;
  synced: boolean;
  access: DocAccess | null;
  user: CollabUser | null;
  error: CollabProviderError | null;
}

interface Snapshot {
  status: CollabStatus;
  synced: boolean;
  access: DocAccess | null;
  user: CollabUser | null;
  error: CollabProviderError | null;
}

const initial: Snapshot = { status: 'connecting', synced: false, access: null, user: null, error: null };

/** `error` is the reason of the 'error' status when there is one, else the last error reported. */
const snapshotOf = (p: CollabProvider): Snapshot => ({
  status: p.status,
  synced: p.synced,
  access: p.access,
  user: p.user,
  error: (p.status === 'error' ? p.failure : null) ?? p.error,
});

/**
 * A collaborative document of the logged-in user: a Y.Doc bound to the server room `docName` for as long as the
 * component is mounted (a new doc and provider when the name or the user changes).
 */
export function useCollabDoc(docName: string): CollabDocState {
  const { me } = useSession();
  const userId = me?.id;
  const [pair, setPair] = useState<{ doc: Y.Doc; provider: CollabProvider } | null>(null);
  const [snapshot, setSnapshot] = useState<Snapshot>(initial);

  useEffect(() => {
    if (!userId) return undefined;
    const doc = new Y.Doc();
    const provider = new CollabProvider(docName, doc, { userId });
    setPair({ doc, provider });
    setSnapshot(snapshotOf(provider));
    const off = provider.on('change', () => setSnapshot(snapshotOf(provider)));
    return () => {
      off();
      provider.destroy();
      doc.destroy();
      setPair(null);
      setSnapshot(initial);
    };
  }, [docName, userId]);

  return { doc: pair?.doc ?? null, provider: pair?.provider ?? null, ...snapshot };
}
