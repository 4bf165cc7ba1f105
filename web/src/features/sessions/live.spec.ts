import { describe, expect, test } from '@jest/globals';
import type { LiveState, PresentMember } from '@relab/shared';
import { asLiveState, effectiveStatus, isNewerState, itemChange, myHand, sortPresence } from './live.js';

const SESSION = '33333333-3333-4333-8333-333333333333';

function state(overrides: Partial<LiveState> = {}): LiveState {
  return {
    sessionId: SESSION, status: 'live', currentItemId: null, itemStartedAt: null, timer: null, hands: [],
    coveredItemIds: [], startedAt: '2026-03-12T12:00:00Z', endedAt: null, serverNow: '2026-03-12T12:00:00Z', ...overrides,
  };
}

describe('a live state from the socket', () => {
  test('is taken when complete and of this session', () => {
    const s = state();
    expect(asLiveState(s, SESSION)).toBe(s);
  });

  test('is refused when of another session, incomplete or malformed', () => {
    expect(asLiveState(state(), '44444444-4444-4444-8444-444444444444')).toBeNull();
    expect(asLiveState({ ...state(), hands: undefined }, SESSION)).toBeNull();
    expect(asLiveState({ ...state(), status: 'dancing' }, SESSION)).toBeNull();
    expect(asLiveState({ ...state(), serverNow: 'soon' }, SESSION)).toBeNull();
    expect(asLiveState({ ...state(), timer: 5 }, SESSION)).toBeNull();
    expect(asLiveState(null, SESSION)).toBeNull();
    expect(asLiveState('state', SESSION)).toBeNull();
  });

  test('an older state never replaces a newer one (an answer and a notice can cross)', () => {
    const older = state({ serverNow: '2026-03-12T12:00:01Z' });
    const newer = state({ serverNow: '2026-03-12T12:00:02Z' });
    expect(isNewerState(newer, older)).toBe(false);
    expect(isNewerState(older, newer)).toBe(true);
    expect(isNewerState(newer, { ...newer })).toBe(true);
    expect(isNewerState(null, older)).toBe(true);
  });

  test('its status wins over the one loaded with the session', () => {
    expect(effectiveStatus('planned', state({ status: 'live' }))).toBe('live');
    expect(effectiveStatus('planned', null)).toBe('planned');
  });
});

describe('presence and hands', () => {
  const people: PresentMember[] = [
    { memberId: 'm-zoe', displayName: 'Zoë', role: 'practitioner' },
    { memberId: 'm-fam', displayName: 'Amira', role: 'family' },
    { memberId: 'm-fac', displayName: 'Wim', role: 'facilitator' },
    { memberId: 'm-me', displayName: 'Sara', role: 'practitioner' },
    { memberId: 'm-ann', displayName: 'Ann', role: 'practitioner' },
    { memberId: 'm-zoe', displayName: 'Zoë', role: 'practitioner' },
  ];

  test('I come first, then facilitators, then the others by role and name, each once', () => {
    expect(sortPresence(people, 'm-me').map((p) => p.displayName)).toEqual(['Sara', 'Wim', 'Ann', 'Zoë', 'Amira']);
  });

  test('my hand: whether it is raised and my place in the queue', () => {
    const s = state({
      hands: [
        { memberId: 'm-ann', displayName: 'Ann', raisedAt: '2026-03-12T12:01:00Z' },
        { memberId: 'm-me', displayName: 'Sara', raisedAt: '2026-03-12T12:02:00Z' },
      ],
    });
    expect(myHand(s, 'm-me')).toEqual({ raised: true, position: 2 });
    expect(myHand(s, 'm-zoe')).toEqual({ raised: false, position: 0 });
    expect(myHand(null, 'm-me')).toEqual({ raised: false, position: 0 });
  });
});

describe('what is announced', () => {
  test('a new current item, but not the first state nor the same item again', () => {
    expect(itemChange(undefined, 'a')).toBeNull();
    expect(itemChange(null, 'a')).toBe('a');
    expect(itemChange('a', 'b')).toBe('b');
    expect(itemChange('a', 'a')).toBeNull();
    expect(itemChange('a', null)).toBeNull();
  });
});
