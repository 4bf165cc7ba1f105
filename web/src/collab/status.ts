/**
 * The provider's state as a pure reducer, and the status shown to the user derived from it.
 * The provider feeds it events; acks of an earlier connection never reach it (the provider drops them).
 */
import type { CollabErrorCode, CollabStatus, DocAccess } from '@relab/shared';

export interface ProviderState {
  /** null until the first connection attempt has an outcome. */
  online: boolean | null;
  phase: 'idle' | 'joining' | 'joined';
  /** Our sync step 2 (the answer to the server's step 1) has gone out: updates may follow it. */
  answered: boolean;
  /** The server's sync step 2 has been applied. */
  synced: boolean;
  /** Last access the server granted (kept while offline); null before the first join. */
  access: DocAccess | null;
  /** Messages sent in this connection whose ack has not arrived. */
  pending: number;
  /** Local updates waiting to be sent at the end of the tick. */
  queued: boolean;
  /** Why the document is not (fully) stored or not open: a refused join, a failed save, a revoked access. */
  failure: CollabErrorCode | null;
}

export type ProviderEvent =
  | { type: 'connected' }
  | { type: 'disconnected' }
  | { type: 'join-sent' }
  | { type: 'joined'; access: Exclude<DocAccess, 'none'> }
  | { type: 'join-refused'; code: CollabErrorCode }
  | { type: 'answered' }
  | { type: 'synced' }
  | { type: 'queued' }
  | { type: 'dropped' }
  | { type: 'sent' }
  /** `handshake`: the ack of the sync step 2 answering the server's step 1, which carries every unsaved change. */
  | { type: 'ack'; ok: true; handshake: boolean }
  | { type: 'ack'; ok: false; code: CollabErrorCode }
  | { type: 'access'; access: DocAccess };

export const initialProviderState: ProviderState = {
  online: null,
  phase: 'idle',
  answered: false,
  synced: false,
  access: null,
  pending: 0,
  queued: false,
  failure: null,
};

/** A room left or not yet joined: nothing in flight counts any more. */
const closed = { phase: 'idle', answered: false, synced: false, pending: 0, queued: false } as const;

/** Failures that keep the document closed until something changes on the server (a new join may still work). */
const CLOSING_FAILURES: ReadonlySet<CollabErrorCode> = new Set<CollabErrorCode>([
  'ACCESS_REVOKED',
  'DOC_NOT_FOUND',
  'BAD_DOC_NAME',
  'UNAUTHENTICATED',
  'TOO_MANY_DOCS',
  'LOAD_FAILED',
]);

/** Ack codes that do not mean "your change is lost": there was nothing to store. */
const HARMLESS_ACK_CODES: ReadonlySet<CollabErrorCode> = new Set<CollabErrorCode>(['EMPTY_UPDATE']);

export function reduceProviderState(state: ProviderState, event: ProviderEvent): ProviderState {
  switch (event.type) {
    case 'connected':
      return { ...state, online: true, ...closed };
    case 'disconnected':
      // Unacknowledged and queued changes stay in the local document: the next handshake sends them.
      return { ...state, online: false, ...closed };
    case 'join-sent':
      return { ...state, ...closed, phase: 'joining' };
    case 'joined':
      return {
        ...state,
        phase: 'joined',
        access: event.access,
        failure: state.failure && CLOSING_FAILURES.has(state.failure) ? null : state.failure,
      };
    case 'join-refused':
      return { ...state, phase: 'idle', failure: event.code };
    case 'answered':
      return state.phase === 'joined' ? { ...state, answered: true } : state;
    case 'synced':
      return state.phase === 'joined' ? { ...state, synced: true } : state;
    case 'queued':
      return { ...state, queued: true };
    case 'dropped':
      return { ...state, queued: false };
    case 'sent':
      return { ...state, queued: false, pending: state.pending + 1 };
    case 'ack': {
      const pending = Math.max(0, state.pending - 1);
      if (event.ok) return { ...state, pending, failure: event.handshake && state.failure && !CLOSING_FAILURES.has(state.failure) ? null : state.failure };
      if (HARMLESS_ACK_CODES.has(event.code)) return { ...state, pending };
      return { ...state, pending, failure: event.code };
    }
    case 'access':
      if (event.access === 'none') return { ...state, ...closed, access: 'none', failure: 'ACCESS_REVOKED' };
      return { ...state, access: event.access, queued: event.access === 'read' ? false : state.queued };
  }
}

export function isClosingFailure(code: CollabErrorCode | null): boolean {
  return code !== null && CLOSING_FAILURES.has(code);
}

/** What the status line says. */
export function deriveStatus(state: ProviderState): CollabStatus {
  if (isClosingFailure(state.failure)) return 'error';
  if (state.online === false) return 'offline';
  if (state.failure) return 'error';
  if (!state.synced) return 'connecting';
  if (state.pending > 0 || state.queued) return 'saving';
  return 'saved';
}

/** Whether local updates may be sent now (otherwise the next handshake carries them). */
export function canSendUpdates(state: ProviderState): boolean {
  return state.online === true && state.phase === 'joined' && state.answered && state.access === 'write' && !isClosingFailure(state.failure);
}
