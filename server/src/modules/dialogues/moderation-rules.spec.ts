import { describe, expect, it } from '@jest/globals';
import { MESSAGE_STATUSES, MODERATION_ACTIONS } from '@relab/shared';
import { initialStatus, isModeratorRole, moderatedBecause, transition } from './moderation-rules.js';

describe('who moderates', () => {
  it('facilitators always, practitioners when named, nobody else even if named', () => {
    expect(isModeratorRole('facilitator', false)).toBe(true);
    expect(isModeratorRole('practitioner', true)).toBe(true);
    expect(isModeratorRole('practitioner', false)).toBe(false);
    for (const role of ['family', 'returnee', 'observer'] as const) expect(isModeratorRole(role, true)).toBe(false);
  });
});

describe('the status of a new message', () => {
  const ctx = { firstN: 2, approvedCount: 0, watched: null };
  it('professionals publish at once in every mode', () => {
    for (const mode of ['pre', 'post', 'first_n'] as const) {
      expect(initialStatus({ ...ctx, role: 'practitioner', mode })).toEqual({ status: 'published', heldBecause: null });
      expect(initialStatus({ ...ctx, role: 'facilitator', mode })).toEqual({ status: 'published', heldBecause: null });
    }
  });
  it('families and returnees: pre waits, post publishes, first_n waits until N were approved', () => {
    expect(initialStatus({ ...ctx, role: 'family', mode: 'pre', approvedCount: 99 })).toEqual({ status: 'pending', heldBecause: 'pre' });
    expect(initialStatus({ ...ctx, role: 'returnee', mode: 'post' })).toEqual({ status: 'published', heldBecause: null });
    expect(initialStatus({ ...ctx, role: 'family', mode: 'first_n', approvedCount: 1 })).toEqual({ status: 'pending', heldBecause: 'first_n' });
    expect(initialStatus({ ...ctx, role: 'family', mode: 'first_n', approvedCount: 2 })).toEqual({ status: 'published', heldBecause: null });
  });
  it('a held watched word makes anyone wait; a masked one changes nothing', () => {
    expect(initialStatus({ ...ctx, role: 'facilitator', mode: 'post', watched: 'hold' })).toEqual({ status: 'pending', heldBecause: 'watched_word' });
    expect(initialStatus({ ...ctx, role: 'family', mode: 'post', watched: 'mask' })).toEqual({ status: 'published', heldBecause: null });
  });
  it('tells whether the next message waits', () => {
    expect(moderatedBecause({ role: 'family', mode: 'first_n', firstN: 3, approvedCount: 3 })).toBeNull();
    expect(moderatedBecause({ role: 'returnee', mode: 'pre', firstN: 3, approvedCount: 3 })).toBe('pre');
  });
});

describe('moderation transitions', () => {
  it('allow exactly the documented moves', () => {
    const allowed: string[] = [];
    for (const status of MESSAGE_STATUSES) {
      for (const held of [null, 'flags'] as const) {
        for (const action of MODERATION_ACTIONS) {
          const next = transition(status, held, action);
          if (next) allowed.push(`${status}${held ? '(flags)' : ''} ${action} → ${next.status}`);
        }
      }
    }
    expect(allowed.sort()).toEqual(
      [
        'pending approve → published', 'pending(flags) approve → published', 'pending reject → rejected', 'pending(flags) reject → rejected',
        'rejected approve → published', 'rejected(flags) approve → published',
        'published hide → hidden', 'published(flags) hide → hidden',
        'hidden(flags) hide → hidden', 'hidden restore → published', 'hidden(flags) restore → published',
      ].sort(),
    );
  });
  it('never touch an erased message', () => {
    for (const action of MODERATION_ACTIONS) expect(transition('erased', null, action)).toBeNull();
  });
});
