import { useCallback, useEffect, useState } from 'react';
import { liveTopic, type LiveState, type PresentMember, type SessionDetail, type SessionStatus } from '@relab/shared';
import { useApiQuery, type ApiQuery } from '../../../lib/useApiQuery.js';
import { useLiveTopic, type LiveStatus } from '../../../live/useLiveTopic.js';
import { sessionsApi } from '../api.js';
import { asLiveState, effectiveStatus, isNewerState } from '../live.js';

/** A live state and when this client received it (to correct the timer for our clock). */
export interface LiveSnapshot {
  state: LiveState;
  receivedAt: number;
}

/** The facilitator's last "bring everyone"; `seq` grows with each, so the same item twice still moves everyone. */
export interface BringRequest {
  itemId: string;
  seq: number;
}

export interface SessionRoom {
  session: ApiQuery<SessionDetail>;
  live: LiveSnapshot | null;
  status: SessionStatus | null;
  /** My consent is for the lab's current ground rules. */
  consented: boolean;
  presence: PresentMember[];
  connection: LiveStatus;
  /** Why the live topic was refused, if it was. */
  refusedCode: string | null;
  bring: BringRequest | null;
  /** Takes a state returned by an action (ignored if a newer one already arrived). */
  acceptState: (state: LiveState) => void;
}

/**
 * A session and its live room: the session over REST; its live state, "bring everyone" and presence from the
 * `session:<id>` topic, followed once I consented and while it is planned or live. Every (re)subscription fetches
 * the session again, so a dropped connection misses nothing.
 */
export function useSessionRoom(labId: string, sessionId: string): SessionRoom {
  const session = useApiQuery<SessionDetail>(() => sessionsApi.get(labId, sessionId), [labId, sessionId]);
  const [live, setLive] = useState<LiveSnapshot | null>(null);
  const [bring, setBring] = useState<BringRequest | null>(null);

  const acceptState = useCallback((state: LiveState) => {
    setLive((current) => (isNewerState(current?.state ?? null, state) ? { state, receivedAt: Date.now() } : current));
  }, []);

  useEffect(() => {
    setLive(null);
    setBring(null);
  }, [sessionId]);
  const detail = session.data;
  useEffect(() => {
    if (detail) acceptState(detail.live);
  }, [detail, acceptState]);

  const status = detail ? effectiveStatus(detail.status, live?.state.sessionId === detail.id ? live.state : null) : null;
  const consented = detail ? detail.me.consentedVersion === detail.groundRules.version : false;
  const follow = detail && consented && (status === 'planned' || status === 'live');
  const topic = follow ? liveTopic('session', detail.id) : null;

  const topicState = useLiveTopic(topic, {
    onNotice: (notice) => {
      if (notice.type === 'session.state') {
        const state = asLiveState(notice.state, sessionId);
        if (state) acceptState(state);
      } else if (notice.type === 'session.bring') {
        setBring((b) => ({ itemId: notice.itemId, seq: (b?.seq ?? 0) + 1 }));
      }
    },
    onSync: () => session.reload(),
  });

  // Refused (CONSENT_REQUIRED) or dropped from the room (ACCESS_REVOKED, e.g. when new ground rules are saved during
  // the session): the session, fetched again, says whether my consent is outdated (the rules are then shown) or my
  // access is gone (the error is shown).
  const { reload } = session;
  useEffect(() => {
    if (topicState.code === 'CONSENT_REQUIRED' || topicState.code === 'ACCESS_REVOKED') reload();
  }, [topicState.code, reload]);

  return {
    session,
    live,
    status,
    consented,
    presence: topic ? topicState.presence : [],
    connection: topic ? topicState.status : 'offline',
    refusedCode: topic ? topicState.code : null,
    bring,
    acceptState,
  };
}
