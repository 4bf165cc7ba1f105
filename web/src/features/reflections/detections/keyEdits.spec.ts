import { describe, expect, test } from '@jest/globals';
import type { ReflectionKey } from '@relab/shared';
import { withDismissed, withName, withPseudonym, withoutDismissed, withoutName } from './keyEdits.js';

const key: ReflectionKey = {
  names: ['Yasmina El Amrani', 'Karim', 'Molenbeek'],
  pseudonyms: [
    { key: 'name:0', kind: 'name', real: 'Yasmina El Amrani', pseudonym: 'Persoon A' },
    { key: 'name:1', kind: 'name', real: 'Karim', pseudonym: 'Persoon B' },
    { key: 'phone:0470123456', kind: 'phone', real: '0470 12 34 56', pseudonym: '[telefoon]' },
  ],
  dismissed: [
    { key: 'name:2', kind: 'name' },
    { key: 'name:1', kind: 'name' },
  ],
};

describe('changes of the key', () => {
  test('a pseudonym replaces an earlier one of the same key', () => {
    const next = withPseudonym(key, { key: 'name:1', kind: 'name', real: 'Karim', pseudonym: 'Persoon C' });
    expect(next.pseudonyms.filter((p) => p.key === 'name:1').map((p) => p.pseudonym)).toEqual(['Persoon C']);
    expect(next.pseudonyms).toHaveLength(3);
  });

  test('dismissing twice keeps one entry; undoing removes it', () => {
    const once = withDismissed(key, { key: 'email:a@b.be', kind: 'email' });
    expect(withDismissed(once, { key: 'email:a@b.be', kind: 'email' })).toBe(once);
    expect(withoutDismissed(once, 'email:a@b.be')).toEqual(key);
  });

  test('names are added at the end, so the keys of the others stay', () => {
    expect(withName(key, 'Samira').names).toEqual(['Yasmina El Amrani', 'Karim', 'Molenbeek', 'Samira']);
  });

  test('removing a name moves the later names down and keeps its pseudonym under a key no detection uses', () => {
    const next = withoutName(key, 1);
    expect(next.names).toEqual(['Yasmina El Amrani', 'Molenbeek']);
    expect(next.dismissed).toEqual([{ key: 'name:1', kind: 'name' }]);
    expect(next.pseudonyms.map((p) => [p.key, p.pseudonym])).toEqual([
      ['name:0', 'Persoon A'],
      ['retired:Persoon B', 'Persoon B'],
      ['phone:0470123456', '[telefoon]'],
    ]);
  });
});
