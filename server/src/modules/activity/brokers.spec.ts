import { describe, expect, test } from '@jest/globals';
import type { StakeholderGroup } from '@relab/shared';
import { findBrokers, type PairTie } from './brokers.js';

const tie = (a: string, b: string): PairTie => ({ a, b, groupA: groupOf(a), groupB: groupOf(b), weight: 1 });
const groupOf = (m: string): StakeholderGroup => ({ f: 'family', j: 'justice', s: 'social', p: 'police' })[m[0] as 'f' | 'j' | 's' | 'p'] as StakeholderGroup;

describe('brokers', () => {
  test('a path f1–f2–f3–s1–j1–j2, worked out by hand', () => {
    // the social worker s1 is the only way between families and justice; f3 the only family member tied to social;
    // j1 the only justice member tied to social. Betweenness on a path of 6 at position i: i(5−i) pairs, over 10.
    const brokers = findBrokers([tie('f1', 'f2'), tie('f2', 'f3'), tie('f3', 's1'), tie('s1', 'j1'), tie('j1', 'j2')]);
    expect(brokers).toEqual([
      { member: 's1', group: 'social', betweenness: 0.6, groupsBridged: 3 },
      { member: 'f3', group: 'family', betweenness: 0.6, groupsBridged: 2 },
      { member: 'j1', group: 'justice', betweenness: 0.4, groupsBridged: 2 },
    ]);
  });

  test('when the groups are also tied directly, nobody brokers between them', () => {
    // a triangle of three groups: every pair of groups meets without the third member
    const brokers = findBrokers([tie('f1', 's1'), tie('s1', 'j1'), tie('j1', 'f1'), tie('f2', 's2'), tie('s2', 'j2'), tie('j2', 'f2')]);
    expect(brokers).toEqual([]);
  });

  test('a star: the centre brokers every group it touches, the leaves nothing', () => {
    const brokers = findBrokers([tie('s1', 'f1'), tie('s1', 'j1'), tie('s1', 'p1')]);
    expect(brokers).toEqual([{ member: 's1', group: 'social', betweenness: 1, groupsBridged: 4 }]);
    expect(findBrokers([])).toEqual([]);
  });
});
