import { useEffect, useRef, useState } from 'react';
import type { LiveNotice, PresentMember } from '@relab/shared';
import { liveConnection } from './LiveConnection.js';

export type LiveStatus = 'connecting' | 'live' | 'offline' | 'refused';

export interface LiveTopicState {
  status: LiveStatus;
  /** Why it was refused or revoked (a live error code). */
  code: string | null;
  /** For topics with presence. */
  presence: PresentMember[];
}

/**
 * Follows a `/live` topic while mounted. `onNotice` gets every notice; `onSync` is called after each
 * (re)subscription, when the component should fetch whatever it may have missed. Null topic: nothing.
 */
export function useLiveTopic(topic: string | null, handlers: { onNotice?: (n: LiveNotice) => void; onSync?: () => void }): LiveTopicState {
  const [state, setState] = useState<LiveTopicState>({ status: 'connecting', code: null, presence: [] });
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!topic) return;
    setState({ status: 'connecting', code: null, presence: [] });
    return liveConnection().follow(topic, {
      onSubscribed: (ack) => {
        setState((s) => ({ status: 'live', code: null, presence: ack.presence ?? s.presence }));
        ref.current.onSync?.();
      },
      onNotice: (n) => ref.current.onNotice?.(n),
      onPresence: (p) => setState((s) => ({ ...s, presence: p.members })),
      onTrouble: (code) => setState((s) => ({ ...s, status: code ? 'refused' : 'offline', code })),
    });
  }, [topic]);
  return state;
}
