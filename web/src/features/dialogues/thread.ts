/**
 * The messages of one dialogue as this client holds them, merged from pages of `GET …/messages?since=<rev>` and
 * from the answers of single actions. Pure: no React, no network.
 *
 * Two numbers matter:
 * - each message's `rev` (its last change): a copy with a higher rev replaces the one held, never the reverse,
 *   so an older answer arriving late cannot undo a newer change;
 * - the thread's `rev`: the highest rev of a *page*, i.e. everything up to it is held. It is what the next fetch
 *   asks `since`. A single message (the answer to my send, approve, reaction…) never moves it, because the changes
 *   between the last page and that message's rev have not been fetched yet.
 */
import type { DialogueMessage, MessagesPage } from '@relab/shared';

export interface ThreadState {
  /** Everything up to this rev is held: fetch `since` it. */
  readonly rev: number;
  readonly byId: ReadonlyMap<string, DialogueMessage>;
  /** Whether a first page arrived (before it, nothing is known, not even "no messages"). */
  readonly loaded: boolean;
}

export const EMPTY_THREAD: ThreadState = { rev: 0, byId: new Map(), loaded: false };

/** Whether `incoming` should replace `held` (absent, or a newer change of the same message). */
export function isNewer(incoming: DialogueMessage, held: DialogueMessage | undefined): boolean {
  return !held || incoming.rev > held.rev;
}

/** Merges messages by id, keeping the highest rev of each. Returns the same state when nothing changed. */
export function mergeMessages(state: ThreadState, messages: readonly DialogueMessage[]): ThreadState {
  let byId: Map<string, DialogueMessage> | null = null;
  for (const m of messages) {
    const held = (byId ?? state.byId).get(m.id);
    if (!isNewer(m, held)) continue;
    byId ??= new Map(state.byId);
    byId.set(m.id, m);
  }
  return byId ? { ...state, byId } : state;
}

/** Applies a page fetched since `state.rev` (or earlier): merges it and moves the thread's rev forward. */
export function applyPage(state: ThreadState, page: MessagesPage): ThreadState {
  const merged = mergeMessages(state, page.messages);
  const highest = page.messages.reduce((max, m) => Math.max(max, m.rev), page.rev);
  const rev = Math.max(state.rev, highest);
  if (merged === state && rev === state.rev && state.loaded) return state;
  return { ...merged, rev, loaded: true };
}

/** Applies the answer of one action (send, moderation, reaction, flag): never moves the thread's rev. */
export function applyMessage(state: ThreadState, message: DialogueMessage): ThreadState {
  return mergeMessages(state, [message]);
}

/** Whether a notice about `rev` asks for a fetch (it does unless everything up to it is already held). */
export function needsFetch(state: ThreadState, noticeRev: number | undefined): boolean {
  return noticeRev === undefined || noticeRev > state.rev;
}

/** Messages in the order they were written. */
export function orderedMessages(state: ThreadState): DialogueMessage[] {
  return [...state.byId.values()].sort((a, b) => a.seq - b.seq || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The client ids of my messages the server holds (to drop them from the outbox). */
export function myClientIds(state: ThreadState): Set<string> {
  const out = new Set<string>();
  for (const m of state.byId.values()) if (m.mine && m.clientId) out.add(m.clientId);
  return out;
}

export interface ThreadChanges {
  /** Messages of others that became visible as published (new, or approved since). */
  arrived: DialogueMessage[];
  /** My messages a moderator approved. */
  myApproved: DialogueMessage[];
  /** My messages a moderator refused. */
  myRejected: DialogueMessage[];
  /** My new messages the server now holds (published at once, or waiting for a moderator). */
  mySent: DialogueMessage[];
}

/** What a screen reader should hear after a merge: only what is new for the reader, never the first load. */
export function describeChanges(before: ThreadState, after: ThreadState): ThreadChanges {
  const changes: ThreadChanges = { arrived: [], myApproved: [], myRejected: [], mySent: [] };
  if (!before.loaded || before === after) return changes;
  for (const m of after.byId.values()) {
    const old = before.byId.get(m.id);
    if (old && old.rev === m.rev) continue;
    if (m.mine) {
      if (!old) changes.mySent.push(m);
      else if (old.status === 'pending' && m.status === 'published') changes.myApproved.push(m);
      else if (old && old.status !== 'rejected' && m.status === 'rejected') changes.myRejected.push(m);
    } else if (m.status === 'published' && (!old || old.status === 'pending')) changes.arrived.push(m);
  }
  const bySeq = (a: DialogueMessage, b: DialogueMessage) => a.seq - b.seq;
  changes.arrived.sort(bySeq);
  return changes;
}
