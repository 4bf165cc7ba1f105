import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { liveTopic } from '@relab/shared';
import { liveConnection } from '../../live/LiveConnection.js';
import { useLiveTopic, type LiveTopicState } from '../../live/useLiveTopic.js';
import { dialoguesApi } from './api.js';
import { MessageSync, ThreadStore } from './sync.js';
import type { ThreadState } from './thread.js';

interface Options {
  labId: string;
  dialogueId: string;
  /** The dialogue's settings changed (paused, slow mode, rules…): load it again. */
  onUpdated: () => void;
  /** Subscribed again after a drop: a good moment to send what waits in the outbox. */
  onResubscribed: () => void;
}

export interface DialogueThread {
  store: ThreadStore;
  state: ThreadState;
  live: LiveTopicState;
  /** The last fetch failed (it is tried again by itself); null once in sync. */
  syncError: unknown;
  /** Fetches what changed (e.g. when the moderators' queue says something happened). */
  resync: () => void;
}

/**
 * The messages of a dialogue, live. The socket only notifies; every notice, every (re)subscription, a personal
 * "one of your messages was moderated" and the browser coming back online fetch what changed since the highest rev
 * held (see sync.ts). Mounted only once the ground rules are accepted (the server refuses the topic before).
 */
export function useDialogueThread({ labId, dialogueId, onUpdated, onResubscribed }: Options): DialogueThread {
  const store = useMemo(() => new ThreadStore(), [labId, dialogueId]);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [syncError, setSyncError] = useState<unknown>(null);
  const syncRef = useRef<MessageSync | null>(null);
  const handlers = useRef({ onUpdated, onResubscribed });
  handlers.current = { onUpdated, onResubscribed };
  const subscribedBefore = useRef(false);

  // Created in an effect (not in render), so StrictMode's double mount stops the first one cleanly.
  useEffect(() => {
    const sync = new MessageSync({
      store,
      fetchPage: (since) => dialoguesApi.messages(labId, dialogueId, since),
      onError: setSyncError,
      onSynced: () => setSyncError(null),
    });
    syncRef.current = sync;
    void sync.request();
    const stopPersonal = liveConnection().onPersonal((notice) => {
      if (notice.type === 'dialogue.mine' && notice.dialogueId === dialogueId) void sync.request(notice.rev);
    });
    const online = () => void sync.request();
    window.addEventListener('online', online);
    return () => {
      sync.stop();
      if (syncRef.current === sync) syncRef.current = null;
      stopPersonal();
      window.removeEventListener('online', online);
    };
  }, [store, labId, dialogueId]);

  const live = useLiveTopic(liveTopic('dialogue', dialogueId), {
    onNotice: (notice) => {
      // `dialogue.mine` is addressed to me but carries this topic, so it arrives here while the topic is followed.
      if (notice.type === 'dialogue.messages' || notice.type === 'dialogue.mine') void syncRef.current?.request(notice.rev);
      else if (notice.type === 'dialogue.updated') handlers.current.onUpdated();
    },
    onSync: () => {
      void syncRef.current?.request();
      // After a drop, the settings may have changed meanwhile too (the first subscription follows a fresh load).
      if (subscribedBefore.current) handlers.current.onUpdated();
      subscribedBefore.current = true;
      handlers.current.onResubscribed();
    },
  });

  const resync = useCallback(() => void syncRef.current?.request(), []);
  return { store, state, live, syncError, resync };
}
