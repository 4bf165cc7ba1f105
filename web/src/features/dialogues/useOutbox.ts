import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Language } from '@relab/shared';
import { newId } from '../reflections/comments/threads.js';
import { dialoguesApi } from './api.js';
import { Outbox, browserStorage, type OutboxEntry } from './outbox.js';
import { OutboxSender } from './sender.js';
import type { ThreadStore } from './sync.js';
import { myClientIds } from './thread.js';

export interface Draft {
  body: string;
  language: Language;
  replyTo: string | null;
  mentions: string[];
}

interface Options {
  labId: string;
  dialogueId: string;
  userId: string;
  store: ThreadStore;
  /** False while sending is pointless (the dialogue is paused for me): messages wait, nothing is tried. */
  canSend: boolean;
}

export interface OutboxState {
  entries: OutboxEntry[];
  /** The client id being sent now. */
  sending: string | null;
  /** Ticks every second while a message waits on a timer (for "sent in 12 s"). */
  now: number;
  /** Puts a new message in the outbox (kept before the first try) and sends it; false when it could not be kept. */
  add: (draft: Draft) => boolean;
  discard: (clientId: string) => void;
  retryNow: (clientId: string) => void;
  /** Sends whatever waits (after a reconnect, a resume, an accepted rule change). */
  flush: () => void;
}

/**
 * The dialogue's outbox (see outbox.ts and sender.ts) bound to the page: sends on adding, when the browser comes
 * back online, when asked (live reconnect), and on a timer when the server asked to wait. Every message the server
 * holds (an answer, or found in a fetched page) leaves the outbox, so nothing is lost or shown twice.
 */
export function useOutbox({ labId, dialogueId, userId, store, canSend }: Options): OutboxState {
  const outbox = useMemo(() => new Outbox(browserStorage(), userId, dialogueId), [userId, dialogueId]);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [now, setNow] = useState(() => Date.now());
  const [sending, setSending] = useState<string | null>(null);
  const senderRef = useRef<OutboxSender | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const canSendRef = useRef(canSend);
  canSendRef.current = canSend;

  const flush = useCallback(() => {
    const sender = senderRef.current;
    if (!sender || !canSendRef.current) return;
    void sender.flush().then((result) => {
      if (senderRef.current !== sender) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = result.retryInMs === null ? null : setTimeout(() => flush(), Math.max(250, result.retryInMs));
    });
  }, []);

  useEffect(() => {
    const sender = new OutboxSender({
      outbox,
      send: (request) => dialoguesApi.send(labId, dialogueId, request),
      onSent: (message) => store.applyMessage(message),
      onChange: () => {
        setSending(senderRef.current?.sending ?? null);
        bump();
      },
    });
    senderRef.current = sender;
    // Whatever was left from an earlier visit (closed tab, lost network) goes first.
    flush();
    const online = () => flush();
    // Another tab of the same user changed the outbox.
    const storage = (event: StorageEvent) => event.key === outbox.key && bump();
    window.addEventListener('online', online);
    window.addEventListener('storage', storage);
    return () => {
      senderRef.current = null;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      window.removeEventListener('online', online);
      window.removeEventListener('storage', storage);
    };
  }, [outbox, labId, dialogueId, store, flush]);

  // What the server already holds (found in a page, e.g. after an answer was lost) leaves the outbox.
  useEffect(() => store.onChange((_before, after) => outbox.reconcile(myClientIds(after)) > 0 && bump()), [store, outbox]);

  // Sending became possible again (resumed, rules accepted): try what waits.
  useEffect(() => {
    if (canSend) flush();
  }, [canSend, flush]);

  const entries = useMemo(() => outbox.list(), [outbox, version]);
  const waiting = entries.some((e) => e.notBefore !== null && e.notBefore > now);
  useEffect(() => {
    if (!waiting) return undefined;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [waiting]);

  const add = useCallback(
    (draft: Draft) => {
      const entry: OutboxEntry = {
        clientId: newId(),
        ...draft,
        createdAt: new Date().toISOString(),
        attempts: 0,
        lastError: null,
        notBefore: null,
      };
      if (!outbox.add(entry)) return false;
      bump();
      setNow(Date.now());
      flush();
      return true;
    },
    [outbox, flush],
  );

  const discard = useCallback(
    (clientId: string) => {
      if (senderRef.current?.sending === clientId) return;
      outbox.remove(clientId);
      bump();
    },
    [outbox],
  );

  const retryNow = useCallback(
    (clientId: string) => {
      outbox.update(clientId, { attempts: 0, lastError: null, lastDetails: null, notBefore: null });
      bump();
      flush();
    },
    [outbox, flush],
  );

  return useMemo(() => ({ entries, sending, now, add, discard, retryNow, flush }), [entries, sending, now, add, discard, retryNow, flush]);
}
