import { describe, expect, test } from '@jest/globals';
import type { AgendaItem } from '@relab/shared';
import {
  agendaFit,
  agendaInput,
  currentIndex,
  docKind,
  docPath,
  draftFromAgenda,
  moveItem,
  needsRef,
  newAgendaItem,
  parseMinutes,
  refPath,
  totalMinutes,
} from './agenda.js';

const LAB = '11111111-1111-4111-8111-111111111111';
const REF = '22222222-2222-4222-8222-222222222222';

describe('agenda total', () => {
  test('adds the minutes of the rows; rows still being typed count as zero', () => {
    expect(totalMinutes([{ minutes: '20' }, { minutes: '35' }, { minutes: '' }, { minutes: 'x' }])).toBe(55);
    expect(totalMinutes([{ minutes: 10 }, { minutes: '5' }])).toBe(15);
    expect(totalMinutes([])).toBe(0);
  });

  test('minutes outside the limits are not counted', () => {
    expect(parseMinutes('0')).toBeNull();
    expect(parseMinutes('241')).toBeNull();
    expect(parseMinutes(' 30 ')).toBe(30);
    expect(parseMinutes('1.5')).toBeNull();
  });

  test('compares with the duration: time left, exactly full, or too long', () => {
    expect(agendaFit(90, 120)).toBe('under');
    expect(agendaFit(120, 120)).toBe('exact');
    expect(agendaFit(130, 120)).toBe('over');
  });
});

describe('moving an agenda item', () => {
  test('up and down by one place', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  test('not past either end, and never changes the list it was given', () => {
    const items = ['a', 'b', 'c'];
    expect(moveItem(items, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(items, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(items, 7, -1)).toEqual(['a', 'b', 'c']);
    expect(items).toEqual(['a', 'b', 'c']);
  });
});

describe('agenda sent to the server', () => {
  test('trims titles, turns minutes into numbers and keeps saved ids', () => {
    const saved: AgendaItem = { id: REF, title: 'Welcome', minutes: 10, kind: 'discussion', refId: null, refTitle: null };
    const [row] = draftFromAgenda([saved]);
    const fresh = { ...newAgendaItem(), title: '  Case of the week ', minutes: '25', kind: 'reflection' as const, refId: REF };
    expect(agendaInput([row!, fresh])).toEqual([
      { id: REF, title: 'Welcome', minutes: 10, kind: 'discussion', refId: null },
      { title: 'Case of the week', minutes: 25, kind: 'reflection', refId: REF },
    ]);
  });

  test('a free discussion never points at anything, even if a reference was chosen before the kind changed', () => {
    const row = { ...newAgendaItem(), title: 'Talk', kind: 'discussion' as const, refId: REF };
    expect(agendaInput([row])[0]!.refId).toBeNull();
    expect(needsRef('discussion')).toBe(false);
    expect(needsRef('board')).toBe(true);
  });

  test('new rows get distinct keys', () => {
    expect(newAgendaItem().key).not.toBe(newAgendaItem().key);
  });
});

describe('links', () => {
  test('an agenda item links to the reflection, board or dialogue it points at', () => {
    expect(refPath(LAB, 'reflection', REF)).toBe(`/labs/${LAB}/reflections/${REF}`);
    expect(refPath(LAB, 'board', REF)).toBe(`/labs/${LAB}/boards/${REF}`);
    expect(refPath(LAB, 'dialogue', REF)).toBe(`/labs/${LAB}/dialogues/${REF}`);
    expect(refPath(LAB, 'discussion', REF)).toBeNull();
    expect(refPath(LAB, 'board', null)).toBeNull();
  });

  test('a document of the report links to its page', () => {
    expect(docPath(LAB, `reflection:${REF}`)).toBe(`/labs/${LAB}/reflections/${REF}`);
    expect(docPath(LAB, `board:${REF}`)).toBe(`/labs/${LAB}/boards/${REF}`);
    expect(docPath(LAB, `session-notes:${REF}`)).toBe(`/labs/${LAB}/sessions/${REF}#session-notes`);
    expect(docPath(LAB, 'reflection-section:abc')).toBeNull();
    expect(docPath(LAB, 'nonsense')).toBeNull();
  });

  test('a document of the report is labelled by its kind', () => {
    expect(docKind(`session-notes:${REF}`)).toBe('notes');
    expect(docKind(`reflection:${REF}`)).toBe('reflection');
    expect(docKind(`reflection-section:${REF}`)).toBe('reflection');
    expect(docKind(`board:${REF}`)).toBe('board');
    expect(docKind('lab-notes:x')).toBe('other');
    expect(docKind('nonsense')).toBe('other');
  });

  test('the current item is found by id', () => {
    expect(currentIndex([{ id: 'a' }, { id: 'b' }], 'b')).toBe(1);
    expect(currentIndex([{ id: 'a' }], null)).toBe(-1);
    expect(currentIndex([{ id: 'a' }], 'z')).toBe(-1);
  });
});
