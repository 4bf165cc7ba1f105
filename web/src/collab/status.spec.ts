import { describe, expect, test } from '@jest/globals';
import { canSendUpdates, deriveStatus, initialProviderState, reduceProviderState, type ProviderEvent, type ProviderState } from './status.js';

const run = (events: ProviderEvent[], from: ProviderState = initialProviderState) => events.reduce(reduceProviderState, from);

const syncedWriter = run([{ type: 'connected' }, { type: 'join-sent' }, { type: 'joined', access: 'write' }, { type: 'answered' }, { type: 'synced' }]);

describe('provider status', () => {
  test('is connecting until the server step 2 is applied', () => {
    expect(deriveStatus(initialProviderState)).toBe('connecting');
    const joined = run([{ type: 'connected' }, { type: 'join-sent' }, { type: 'joined', access: 'write' }, { type: 'answered' }]);
    expect(deriveStatus(joined)).toBe('connecting');
    expect(deriveStatus(reduceProviderState(joined, { type: 'synced' }))).toBe('saved');
  });

  test('is saving while an ack is outstanding or an update is queued, saved when all are acknowledged', () => {
    const queued = run([{ type: 'queued' }], syncedWriter);
    expect(deriveStatus(queued)).toBe('saving');
    const sent = run([{ type: 'sent' }, { type: 'queued' }, { type: 'sent' }], syncedWriter);
    expect(deriveStatus(sent)).toBe('saving');
    const oneAcked = reduceProviderState(sent, { type: 'ack', ok: true, handshake: false });
    expect(deriveStatus(oneAcked)).toBe('saving');
    expect(deriveStatus(reduceProviderState(oneAcked, { type: 'ack', ok: true, handshake: false }))).toBe('saved');
  });

  test('is offline when disconnected, and nothing is pending any more (the next handshake resends it)', () => {
    const off = run([{ type: 'sent' }, { type: 'queued' }, { type: 'disconnected' }], syncedWriter);
    expect(deriveStatus(off)).toBe('offline');
    expect(off.pending).toBe(0);
    expect(off.access).toBe('write');
    expect(canSendUpdates(off)).toBe(false);
    expect(deriveStatus(run([{ type: 'connected' }], off))).toBe('connecting');
  });

  test('a first connection that fails shows offline, not connecting forever', () => {
    expect(deriveStatus(run([{ type: 'disconnected' }]))).toBe('offline');
  });

  test('a failed save is an error until a later handshake step 2 is stored', () => {
    const failed = run([{ type: 'sent' }, { type: 'ack', ok: false, code: 'SAVE_FAILED' }], syncedWriter);
    expect(deriveStatus(failed)).toBe('error');
    // a later ordinary update being stored does not prove the failed one was
    const later = run([{ type: 'sent' }, { type: 'ack', ok: true, handshake: false }], failed);
    expect(deriveStatus(later)).toBe('error');
    const resynced = run(
      [{ type: 'join-sent' }, { type: 'joined', access: 'write' }, { type: 'sent' }, { type: 'answered' }, { type: 'synced' }, { type: 'ack', ok: true, handshake: true }],
      later,
    );
    expect(deriveStatus(resynced)).toBe('saved');
    expect(resynced.failure).toBeNull();
  });

  test('an EMPTY_UPDATE refusal is not an error: there was nothing to store', () => {
    const s = run([{ type: 'sent' }, { type: 'ack', ok: false, code: 'EMPTY_UPDATE' }], syncedWriter);
    expect(deriveStatus(s)).toBe('saved');
  });

  test('a revoked access is an error that a reconnection does not clear, and stops sending', () => {
    const revoked = run([{ type: 'access', access: 'none' }], syncedWriter);
    expect(deriveStatus(revoked)).toBe('error');
    expect(revoked.failure).toBe('ACCESS_REVOKED');
    expect(canSendUpdates(revoked)).toBe(false);
    expect(deriveStatus(run([{ type: 'disconnected' }, { type: 'connected' }], revoked))).toBe('error');
  });

  test('read access: synced and saved, but local updates are never sent', () => {
    const reader = run([{ type: 'connected' }, { type: 'join-sent' }, { type: 'joined', access: 'read' }, { type: 'synced' }]);
    expect(deriveStatus(reader)).toBe('saved');
    expect(canSendUpdates(reader)).toBe(false);
    expect(canSendUpdates(run([{ type: 'access', access: 'read' }], syncedWriter))).toBe(false);
    expect(canSendUpdates(syncedWriter)).toBe(true);
  });

  test('updates are only sent after our step 2 went out (so the server never lacks their dependencies)', () => {
    const joined = run([{ type: 'connected' }, { type: 'join-sent' }, { type: 'joined', access: 'write' }]);
    expect(canSendUpdates(joined)).toBe(false);
    expect(canSendUpdates(reduceProviderState(joined, { type: 'answered' }))).toBe(true);
  });

  test('a refused join is an error; a later successful join clears it', () => {
    const refused = run([{ type: 'connected' }, { type: 'join-sent' }, { type: 'join-refused', code: 'LOAD_FAILED' }]);
    expect(deriveStatus(refused)).toBe('error');
    expect(deriveStatus(run([{ type: 'join-sent' }, { type: 'joined', access: 'write' }, { type: 'synced' }], refused))).toBe('saved');
  });
});
