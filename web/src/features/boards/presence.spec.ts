import { describe, expect, test } from '@jest/globals';
import { peersOf, peoplePerUser } from './presence.js';

describe('board presence', () => {
  test('reads the others’ cursors and views, leaving out my own client and anything malformed', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'me', name: 'Me', color: '#000000' }, cursor: { x: 1, y: 1 } }],
      [2, { user: { id: 'u2', name: 'Zoë', color: '#1d4f91' }, cursor: { x: 5, y: 6 }, viewport: { x: 0, y: 0, scale: 2 } }],
      [3, { user: { id: 'u3', name: 'Ahmed', color: '#aa0000' }, cursor: { x: 'a', y: 1 }, viewport: { x: 0, y: 0, scale: 0 } }],
      [4, { cursor: { x: 1, y: 1 } }],
      [5, { user: { id: 'u2', name: 'Zoë', color: '#1d4f91' }, cursor: { x: Number.NaN, y: 1 } }],
    ]);
    const peers = peersOf(states, 1);
    expect(peers.map((p) => [p.clientId, p.name, p.cursor, p.viewport])).toEqual([
      [3, 'Ahmed', null, null],
      [2, 'Zoë', { x: 5, y: 6 }, { x: 0, y: 0, scale: 2 }],
      [5, 'Zoë', null, null],
    ]);
    expect(peoplePerUser(peers).map((p) => p.clientId)).toEqual([3, 2]);
  });
});
